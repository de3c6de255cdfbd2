package fr.relocmatch.launcher;

import java.time.LocalDate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.TestSirets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner with nothing but {@code kcat} (the Debian package, a librdkafka client), its login
 * file and {@code docs/partners.md}: publishes a group, an SME and a demand on the inbox topics, an
 * outcome step of the accepted match on the third,
 * reads the outcomes (why a bad profile was rejected included), and is refused the matches and
 * the dead letters; without its login it is not let in at all. Runs against the four services as
 * separate JVMs on the broker of the local run (SASL, ACLs). Needs kcat on the PATH; {@code .ci/run} installs it and runs this
 * class with {@code -Dkcat}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerKcatIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PARTNER = "/partners/kcat-" + UUID.randomUUID();
    private static final String ADVISER = "partenaires@normandie.cci.fr";

    /** The partner's login, as the CCI hands it over: a {@code kcat -F} file. */
    private String login;

    @BeforeAll
    void services() {
        RunningServices.get();
        login = RunningServices.kcatConfig("partner-demo").toString();
    }

    @Test
    void publishesProfilesAndADemandReadsTheOutcomesButNotTheMatches() {
        String groupSiret = TestSirets.random();
        String smeName = "Tissage Partenaire " + UUID.randomUUID().toString().substring(0, 8);
        String smeSiret = TestSirets.random();
        String groupId = accepted(publish("relocmatch.partner.companies.v1", "fr.relocmatch.partner.CompanyProfileSubmitted.v1",
                Profiles.company("GROUP", groupSiret, "Groupe Partenaire SA", "47.51Z", List.of(), "76540", ADVISER)));
        String smeId = accepted(publish("relocmatch.partner.companies.v1", "fr.relocmatch.partner.CompanyProfileSubmitted.v1",
                Profiles.company("SME", smeSiret, smeName, "13.20Z", List.of("WEAVING", "HOME_TEXTILES"), "76540",
                        ADVISER)));
        assertThat(groupId).isNotEqualTo(smeId);

        // demand-service learns the new group from the companies topic; until then it answers "unknown buyer"
        Map<String, Object> demand = new LinkedHashMap<>();
        demand.put("title", "Housses de couette en lin");
        demand.put("buyerSiret", groupSiret);
        demand.put("requiredProcesses", List.of("WEAVING"));
        demand.put("annualVolume", Map.of("quantity", 40000, "unit", "PIECES"));
        demand.put("startDate", LocalDate.now().plusMonths(4).toString());
        demand.put("location", Map.of("mode", "RADIUS", "communeCode", "76540", "maxDistanceKm", 50));
        demand.put("adviserEmail", "grands-comptes@normandie.cci.fr");
        String demandId = await().atMost(TIMEOUT).until(() -> {
            JsonNode outcome = outcomeOf(publish("relocmatch.partner.demands.v1",
                    "fr.relocmatch.partner.DemandSubmitted.v1", demand));
            return "ACCEPTED".equals(outcome.get("outcome").asString()) ? outcome.get("resourceId").asString() : null;
        }, id -> id != null);

        // the matches are the advisers' (contact e-mails, scores of other companies): a partner's login cannot read them
        assertThat(kcatFails("-C", "-t", "relocmatch.matches.v1", "-o", "beginning", "-e", "-q"))
                .containsIgnoringCase("authoriz");
        // the demand's adviser sees the SME proposed
        JsonNode match = await().atMost(TIMEOUT).until(() -> Callers.api(RunningServices.get().baseUrl("matching-service"),
                Callers.REFERENT).get("/api/v1/matches?demandId=" + demandId).json().valueStream()
                .filter(m -> smeName.equals(m.get("companyName").asString())).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(match.get("companyId").asString()).isEqualTo(smeId);

        // once the adviser accepts, the partner records what followed the introduction on its third inbox
        JsonApi adviser = Callers.api(RunningServices.get().baseUrl("matching-service"), Callers.REFERENT);
        String matchId = match.get("id").asString();
        assertThat(adviser.post("/api/v1/matches/" + matchId + "/decision", Map.of("decision", "ACCEPTED")).status())
                .isEqualTo(200);
        String contact = publish("relocmatch.partner.match-outcomes.v1", "fr.relocmatch.partner.MatchOutcomeSubmitted.v1",
                Map.of("demandId", demandId, "supplierSiret", smeSiret, "step", "CONTACT_MADE"));
        assertThat(accepted(contact)).isEqualTo(matchId);
        assertThat(adviser.get("/api/v1/matches/" + matchId).json().at("/outcomes/0/recordedBy").asString())
                .isEqualTo(PARTNER);

        String badId = publish("relocmatch.partner.companies.v1", "fr.relocmatch.partner.CompanyProfileSubmitted.v1",
                Profiles.company("SME", "12345678901234", "Mauvais SIRET", "13.20Z", List.of("WEAVING"), "76540", ADVISER));
        JsonNode rejection = outcomeOf(badId);
        assertThat(rejection.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(rejection.get("errors").findValuesAsString("field")).contains("siret");
        // the message itself is kept on the inbox's dead-letter topic, for the instance's operator only
        assertThat(kcatFails("-C", "-t", "relocmatch.partner.companies.v1.dlq", "-o", "beginning", "-e", "-q"))
                .containsIgnoringCase("authoriz");
        login = RunningServices.kcatConfig(KafkaAccess.ADMIN).toString();
        try {
            Record dead = await().atMost(TIMEOUT).until(() -> consume("relocmatch.partner.companies.v1.dlq").stream()
                    .filter(r -> r.headers().contains("ce_id=" + badId)).findFirst(), Optional::isPresent).orElseThrow();
            assertThat(dead.headers()).contains("x-relocmatch-reason=", "x-original-topic=relocmatch.partner.companies.v1",
                    "ce_source=" + PARTNER);
        }
        finally {
            login = RunningServices.kcatConfig("partner-demo").toString();
        }
    }

    @Test
    void withoutItsLoginAPartnerIsNotLetIn() {
        String broker = RunningServices.kafka().bootstrapServers();
        String refused = kcatFails("-b", broker, "-X", "socket.timeout.ms=5000", "-m", "5", "-L", "-t",
                "relocmatch.partner.outcomes.v1");
        assertThat(refused).isNotBlank();
    }

    /** {@code kcat -P} with the CloudEvents headers; answers the ce_id. */
    private String publish(String topic, String type, Object body) {
        String id = UUID.randomUUID().toString();
        kcat(JSON.writeValueAsString(body) + "\n", "-P", "-t", topic, "-k", id, "-H", "ce_id=" + id, "-H",
                "ce_source=" + PARTNER, "-H", "ce_type=" + type, "-H", "ce_specversion=1.0", "-H",
                "content-type=application/json");
        return id;
    }

    private String accepted(String messageId) {
        JsonNode outcome = outcomeOf(messageId);
        assertThat(outcome.get("outcome").asString()).as(outcome.toString()).isEqualTo("ACCEPTED");
        return outcome.get("resourceId").asString();
    }

    private JsonNode outcomeOf(String messageId) {
        return await().atMost(TIMEOUT).until(() -> consume("relocmatch.partner.outcomes.v1").stream()
                .filter(r -> PARTNER.equals(r.key()))
                .map(r -> JSON.readTree(r.value()))
                .filter(o -> messageId.equals(o.get("correlationId").asString()))
                .findFirst(), Optional::isPresent).orElseThrow();
    }

    /** {@code kcat -C} from the beginning to the current end of the topic. */
    private List<Record> consume(String topic) {
        String out = kcat(null, "-C", "-t", topic, "-o", "beginning", "-e", "-q", "-f", "%k\\t%h\\t%s\\n");
        List<Record> records = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                records.add(new Record(parts[0], parts[1], parts[2]));
            }
        }
        return records;
    }

    /** Runs kcat expecting it to fail; answers what it printed on its error output. */
    private String kcatFails(String... args) {
        try {
            kcat(null, args);
        }
        catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("kcat " + List.of(args) + " succeeded");
    }

    private String kcat(String input, String... args) {
        List<String> command = new ArrayList<>(List.of("kcat"));
        if (!args[0].equals("-b")) {
            command.addAll(List.of("-F", login));
        }
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() != 0 && args[0].equals("-C")
                    && err.contains("Unknown topic or partition")) {
                return ""; // not created yet: nothing to read so far
            }
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed: " + err);
            }
            return out;
        }
        catch (IOException e) {
            throw new IllegalStateException("kcat is needed for this test (apt-get install kcat): " + e.getMessage(), e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A record as kcat prints it: key, headers ({@code k=v,k=v}), value. */
    private record Record(String key, String headers, String value) {
    }
}
