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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

/**
 * The four services as separate JVMs, built from their executable jars, talking to each other only
 * through Kafka: a profile and a demand posted over REST end as an e-mail in the SMTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
        String companyId = company.json().get("id").asString();
        Map<String, Object> group = DemoData.companies().getLast();
        assertThat(companies.post("/api/v1/companies", group).status()).isEqualTo(201);

        // demand-service learns of the group from the companies topic, then accepts its demand.
        String demandId = DemoData.json(DemoData.createDemand(services.baseUrl("demand-service"), DemoData.demand(),
                Callers.token(Callers.REFERENT))
                .body()).get("id").asString();
        assertThat(demands.post("/api/v1/demands/" + demandId + "/open", Map.of()).status()).isEqualTo(200);

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
