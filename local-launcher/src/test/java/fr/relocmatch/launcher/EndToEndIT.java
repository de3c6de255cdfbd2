package fr.relocmatch.launcher;

import fr.relocmatch.testinfra.MailText;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TestIssuer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

/**
 * The four services as separate JVMs, built from their executable jars, talking to each other only
 * through Kafka: a profile and a demand posted over REST end as an e-mail in the SMTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private SharedInfrastructure infrastructure;
    private Services services;

    @BeforeAll
    void startServices() {
        infrastructure = SharedInfrastructure.get();
        services = RunningServices.get();
    }

    @Test
    void profileAndDemandPostedOverRestEndAsAnEmailToTheAdvisers() throws Exception {
        JsonApi companies = Callers.api(services.baseUrl("company-service"), Callers.REFERENT);
        JsonApi demands = Callers.api(services.baseUrl("demand-service"), Callers.REFERENT);
        // the demand's adviser (grands-comptes@normandie.cci.fr) reads its ranking and decides
        JsonApi matching = Callers.api(services.baseUrl("matching-service"), TestIssuer.ADVISER_28);
        JsonApi notifications = Callers.api(services.baseUrl("notification-service"), Callers.REFERENT);

        Map<String, Object> sme = DemoData.companies().getFirst();
        JsonApi.Response company = companies.post("/api/v1/companies", sme);
        assertThat(company.status()).as(company.body()).isEqualTo(201);
        assertThat(company.traceId()).as("the answer names its trace").matches("[0-9a-f]{32}");
        String companyId = company.json().get("id").asString();
        Map<String, Object> group = DemoData.companies().getLast();
        assertThat(companies.post("/api/v1/companies", group).status()).isEqualTo(201);

        // demand-service learns of the group from the companies topic, then accepts its demand.
        String demandId = DemoData.json(DemoData.createDemand(services.baseUrl("demand-service"), DemoData.demand(),
                Callers.token(Callers.REFERENT))
                .body()).get("id").asString();
        JsonApi.Response opened = demands.post("/api/v1/demands/" + demandId + "/open", Map.of());
        assertThat(opened.status()).isEqualTo(200);
        String trace = opened.traceId();
        assertThat(trace).as("the answer names its trace").matches("[0-9a-f]{32}");

        // (other end-to-end tests may have left suppliers nearby: pick this SME's match)
        JsonNode match = await().atMost(TIMEOUT)
                .until(() -> matching.get("/api/v1/matches?demandId=" + demandId).json().valueStream()
                        .filter(m -> companyId.equals(m.get("companyId").asString())).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        // the score is the weighted mean of the explained parts, and the demo pair is close and labelled
        double weighted = 0;
        double weights = 0;
        for (JsonNode part : match.get("explanation")) {
            weighted += part.get("weight").asDouble() * part.get("value").asDouble();
            weights += part.get("weight").asDouble();
        }
        assertThat(match.get("score").asDouble()).isCloseTo(weighted / weights, Assertions.within(0.001))
                .isGreaterThan(0.5);
        assertThat(match.get("explanation").valueStream().map(part -> part.get("name").asString())).contains("distance");
        String matchId = match.get("id").asString();

        List<MimeMessage> emails = await().atMost(TIMEOUT).until(() -> emailsAbout(matchId), list -> list.size() == 2);
        assertThat(emails).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0].toString())
                .containsExactlyInAnyOrder("textile@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        for (MimeMessage email : emails) {
            // one trace from the adviser's request to the SMTP server, through Kafka and three services
            assertThat(email.getHeader("X-Trace-Id", null)).as("the e-mail names the trace of the demand's opening")
                    .isEqualTo(trace);
            assertThat(email.getSubject()).contains("Tissages de Normandie").contains(DemoData.DEMAND_TITLE);
            assertThat(MailText.plain(email)).contains("Tissages de Normandie").contains(DemoData.DEMAND_TITLE)
                    .contains("Maison Française SA").contains("/matches/" + matchId).doesNotContain("/api/v1/")
                    // the demo's advisers read French: the notes too, with the processes' names, and apostrophes once
                    .contains("km sur 80 km autorisés").contains("Ennoblissement textile").doesNotContain("km allowed")
                    .doesNotContain("offers").doesNotContain("DYEING_FINISHING").doesNotContain("''");
        }
        assertThat(notifications.get("/api/v1/notifications?matchId=" + matchId).json().valueStream()
                .map(n -> n.get("status").asString())).containsExactly("SENT", "SENT");

        // The buyer's adviser accepts: the decision travels through Kafka and the demand goes into discussion.
        JsonApi.Response accepted = matching.post("/api/v1/matches/" + matchId + "/decision", Map.of("decision", "ACCEPTED"));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().get("decidedBy").asString()).isEqualTo("grands-comptes@normandie.cci.fr");
        await().atMost(TIMEOUT).until(() -> demands.get("/api/v1/demands/" + demandId).json().get("status").asString(),
                "IN_DISCUSSION"::equals);

        // the spans of both requests reached the collector from every service they went through
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(RunningServices.spans().servicesOf(trace, Services.NAMES))
                    .containsExactly("demand-service", "matching-service", "notification-service");
            assertThat(RunningServices.spans().servicesOf(company.traceId(), Services.NAMES))
                    .contains("company-service", "matching-service");
        });
        // the log lines of that work carry the trace id (the ranking's, the e-mail's; demand-service logs nothing of an opening)
        for (String name : List.of("matching-service", "notification-service")) {
            assertThat(jsonLogLines(name)).as(name).anySatisfy(line -> assertThat(line.path("traceId").asString())
                    .isEqualTo(trace));
        }
        // what the scraper sees after the flow: the product's own meters beside HTTP, Kafka and MongoDB
        assertThat(metrics("matching-service")).contains("relocmatch_matching_profiles",
                "relocmatch_matching_ranking_seconds_bucket", "relocmatch_events_published_total",
                "relocmatch_relay_backlog", "http_server_requests_seconds_bucket", "mongodb_driver_commands_seconds");
        assertThat(metrics("notification-service")).contains("relocmatch_notification_emails_total{",
                "outcome=\"sent\"", "relocmatch_notification_smtp_seconds_bucket", "relocmatch_notification_pending",
                "resilience4j_circuitbreaker_state");
        assertThat(metrics("demand-service")).contains("relocmatch_events_published_total{", "relocmatch_relay_backlog");

        // every series the compose stack's Grafana dashboard queries is one a service shows (two
        // counters appear with their first event: a dead letter, a parked document)
        String scraped = Services.NAMES.stream().map(this::metrics).collect(Collectors.joining("\n"));
        Matcher queried = Pattern.compile("\\b(?:relocmatch|http|spring|resilience4j|kafka|mongodb|jvm)_[a-z0-9_]+")
                .matcher(Files.readString(Path.of("").toAbsolutePath().getParent()
                        .resolve("monitoring/grafana/dashboards/relocmatch.json")));
        Set<String> series = new TreeSet<>();
        while (queried.find()) {
            series.add(queried.group());
        }
        series.removeAll(Set.of("relocmatch_dead_letters_total", "relocmatch_relay_parked_total"));
        assertThat(series).hasSizeGreaterThan(10).allSatisfy(name -> assertThat(scraped).as(name).contains(name));
    }

    @Test
    void theMetricsAreForTheScraperAndRegionAdminsOnly() {
        for (String name : Services.NAMES) {
            JsonApi.Response scraped = Callers.api(services.baseUrl(name), TestIssuer.MONITORING).get("/actuator/prometheus");
            assertThat(scraped.status()).as(name).isEqualTo(200);
            assertThat(scraped.body()).as(name).contains("application=\"" + name + "\"", "jvm_memory_used_bytes",
                    "http_server_requests_seconds");
            assertThat(Callers.api(services.baseUrl(name), TestIssuer.ADVISER_28).get("/actuator/prometheus").status())
                    .as(name).isEqualTo(403);
            // the scraper's token opens nothing else
            assertThat(Callers.api(services.baseUrl(name), TestIssuer.MONITORING).get("/api/v1/audit").status())
                    .as(name).isEqualTo(403);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noServiceLogsAnEmailAddressOrAPhoneNumber() throws Exception {
        // last: after the flow above sent profiles with contacts and e-mailed advisers
        Pattern email = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[a-z]{2,}");
        Pattern phone = Pattern.compile("(?<![0-9A-Za-z])(?:\\+33 ?|0)[1-9](?:[ .]?[0-9]{2}){4}(?![0-9A-Za-z])");
        for (String name : Services.NAMES) {
            List<String> lines = Files.readAllLines(RunningServices.logs().resolve(name + ".log"));
            assertThat(lines).as(name).isNotEmpty();
            for (String line : lines) {
                assertThat(email.matcher(line).find()).as("%s logs an e-mail address: %s", name, line).isFalse();
                assertThat(phone.matcher(line).find()).as("%s logs a phone number: %s", name, line).isFalse();
            }
        }
    }

    @Test
    void everyServiceDocumentsItsApiUnderItsOwnNameWithTheProblemDocument() {
        for (String name : Services.NAMES) {
            JsonNode document = new JsonApi(services.baseUrl(name)).get("/v3/api-docs").json();
            assertThat(document.at("/info/title").asString()).as(name).isEqualTo(name);
            assertThat(document.at("/info/description").asString()).as(name).isNotBlank();
            assertThat(document.at("/info/version").asString()).as(name).matches("\\d+\\.\\d+\\.\\d+.*");
            assertThat(document.at("/components/schemas/Problem/properties").propertyNames())
                    .as(name).contains("type", "title", "status", "detail", "errors");
        }
    }

    @Test
    void everyServiceRefusesACallWithoutATokenAsProblemDetails() {
        for (String name : Services.NAMES) {
            String path = switch (name) {
                case "company-service" -> "/api/v1/companies";
                case "demand-service" -> "/api/v1/demands";
                case "matching-service" -> "/api/v1/matches?demandId=x";
                default -> "/api/v1/notifications";
            };
            JsonApi.Response refused = new JsonApi(services.baseUrl(name)).get(path);
            assertThat(refused.status()).as(name).isEqualTo(401);
            assertThat(refused.contentType()).as(name).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).as(name)
                    .isEqualTo("https://relocmatch.fr/problems/unauthenticated");
        }
    }

    @Test
    void everyServiceReportsHealthy() {
        for (String name : Services.NAMES) {
            JsonApi.Response health = new JsonApi(services.baseUrl(name)).get("/actuator/health");
            assertThat(health.json().get("status").asString()).as(name).isEqualTo("UP");
        }
    }

    /** The JSON lines of a service's log (structured logging, ECS). */
    private static List<JsonNode> jsonLogLines(String service) throws IOException {
        return Files.readAllLines(RunningServices.logs().resolve(service + ".log")).stream()
                .filter(line -> line.startsWith("{")).map(JsonApi::parse).toList();
    }

    private String metrics(String service) {
        JsonApi.Response scraped = Callers.api(services.baseUrl(service), TestIssuer.MONITORING).get("/actuator/prometheus");
        assertThat(scraped.status()).as(service).isEqualTo(200);
        return scraped.body();
    }

    private List<MimeMessage> emailsAbout(String matchId) {
        return Arrays.stream(infrastructure.smtp().getReceivedMessages()).filter(m -> {
            try {
                return MailText.plain(m).contains(matchId);
            }
            catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
