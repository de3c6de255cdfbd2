package fr.relocmatch.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import fr.relocmatch.testinfra.AccessMatrix;
import fr.relocmatch.testinfra.AccessMatrix.Attempt;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TestIssuer;
import fr.relocmatch.testinfra.TopicWriter;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * README's access table, matching-service's rows: every endpoint as every caller, on the real
 * issuer; an adviser of another région sees none of this région's matches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private TopicWriter writer;
    private MatchingEvents events;

    @BeforeAll
    void connect() {
        writer = TopicWriter.onSharedBroker();
        events = new MatchingEvents(writer);
    }

    @AfterAll
    void disconnect() {
        writer.close();
    }

    private JsonApi as(String login) {
        return SharedInfrastructure.get().api(port, login);
    }

    /** A proposed match of a fresh Normandy demand with a Normandy supplier (the new one or an earlier one; no other test asks for furniture). */
    private JsonNode proposedMatch() {
        String company = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        events.company(company, 0, "Meubles de Rouen", List.of("FURNITURE"), 49.4435, 1.10006, "");
        events.demand(demand, 0, "OPEN", List.of("FURNITURE"), 20);
        return await().atMost(Duration.ofSeconds(30)).until(() -> as(TestIssuer.ADMIN_28)
                .get("/api/v1/matches?demandId=" + demand).json().valueStream().findFirst().orElse(null),
                match -> match != null);
    }

    private boolean taught;

    /**
     * As many demands as a fit needs (relocmatch.matching.learning.min-decisions, 10), each with a
     * close supplier accepted and one 40 km farther rejected for the distance: decisions whose
     * distance part differs, so that a fit has something to learn. Once for the whole class.
     */
    private void decisionsThatTeach() {
        if (!taught) {
            for (int i = 0; i < 10; i++) {
                decisionThatTeaches();
            }
            taught = true;
        }
    }

    private void decisionThatTeaches() {
        String demand = UUID.randomUUID().toString();
        String process = "UPHOLSTERY_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        events.company(UUID.randomUUID().toString(), 0, "Tapissier de Rouen", List.of(process), 49.4435, 1.10006, "");
        events.company(UUID.randomUUID().toString(), 0, "Tapissier du Vexin", List.of(process), 49.8, 1.10006, "");
        events.demand(demand, 0, "OPEN", List.of(process), 60);
        List<JsonNode> matches = await().atMost(Duration.ofSeconds(30)).until(() -> as(TestIssuer.ADMIN_28)
                .get("/api/v1/matches?demandId=" + demand).json().valueStream().toList(), list -> list.size() == 2);
        JsonApi adviser = as(TestIssuer.ADVISER_28);
        assertThat(adviser.post("/api/v1/matches/" + matches.get(0).get("id").asString() + "/decision",
                Map.of("decision", "ACCEPTED")).status()).isEqualTo(200);
        assertThat(adviser.post("/api/v1/matches/" + matches.get(1).get("id").asString() + "/decision",
                Map.of("decision", "REJECTED", "reasonCode", "DISTANCE_OR_LOGISTICS")).status()).isEqualTo(200);
    }

    private Supplier<Object> stateOf(String matchId) {
        return () -> as(TestIssuer.ADMIN_28).get("/api/v1/matches/" + matchId).body();
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheReadmeSays() {
        Map<String, Supplier<Attempt>> scenarios = new LinkedHashMap<>();
        scenarios.put("GET /api/v1/matches",
                () -> Attempt.get("/api/v1/matches?demandId=" + proposedMatch().get("demandId").asString()));
        scenarios.put("GET /api/v1/matches/{id}",
                () -> Attempt.get("/api/v1/matches/" + proposedMatch().get("id").asString()));
        scenarios.put("POST /api/v1/matches/{id}/decision", () -> {
            String id = proposedMatch().get("id").asString();
            return Attempt.json("POST", "/api/v1/matches/" + id + "/decision",
                    "{\"decision\": \"REJECTED\", \"reasonCode\": \"CAPACITY\", \"reason\": \"capacité insuffisante\"}", stateOf(id));
        });

        scenarios.put("POST /api/v1/matches/{id}/outcomes", () -> {
            String id = proposedMatch().get("id").asString();
            assertThat(as(TestIssuer.ADVISER_28).post("/api/v1/matches/" + id + "/decision", Map.of("decision", "ACCEPTED"))
                    .status()).isEqualTo(200);
            return Attempt.json("POST", "/api/v1/matches/" + id + "/outcomes", "{\"step\": \"CONTACT_MADE\"}", stateOf(id));
        });
        scenarios.put("GET /api/v1/programme/figures", () -> Attempt.get("/api/v1/programme/figures"));
        scenarios.put("GET /api/v1/weights", () -> Attempt.get("/api/v1/weights"));
        scenarios.put("GET /api/v1/weights/{version}", () -> Attempt.get("/api/v1/weights/0"));
        scenarios.put("POST /api/v1/weights/fits", () -> {
            decisionsThatTeach();
            return Attempt.json("POST", "/api/v1/weights/fits", "{}", () -> as(TestIssuer.ADMIN_28).get("/api/v1/weights").body());
        });
        scenarios.put("POST /api/v1/weights/{version}/apply", () -> Attempt.json("POST", "/api/v1/weights/0/apply", "{}",
                () -> as(TestIssuer.AUDITOR_28).get("/api/v1/audit?resourceId=28:0").body()));

        AccessMatrix.verify(port, "matching", AccessMatrix.endpointsOf(context), scenarios);
    }

    @Test
    void aDecisionIsInTheAuditTrailInTheNameOfTheAdviserWhoTookIt() {
        String id = proposedMatch().get("id").asString();
        assertThat(as(TestIssuer.ADVISER_28).post("/api/v1/matches/" + id + "/decision",
                Map.of("decision", "REJECTED", "reasonCode", "ALREADY_A_SUPPLIER")).status()).isEqualTo(200);

        List<JsonNode> trail = as(TestIssuer.AUDITOR_28).get("/api/v1/audit?resourceId=" + id).json().valueStream().toList();

        assertThat(trail).singleElement().satisfies(entry -> {
            assertThat(entry.get("action").asString()).isEqualTo("DECIDE");
            assertThat(entry.get("detail").asString()).isEqualTo("REJECTED");
            assertThat(entry.get("actor").asString()).isEqualTo("conseiller.normandie");
            assertThat(entry.get("actorEmail").asString()).isEqualTo("grands-comptes@normandie.cci.fr");
        });
    }

    @Test
    void anAdviserOfAnotherRegionListsNoneOfThisRegionsMatches() {
        JsonNode match = proposedMatch();
        String demandId = match.get("demandId").asString();

        assertThat(as(TestIssuer.ADVISER_28).get("/api/v1/matches?demandId=" + demandId).json().valueStream()
                .map(m -> m.get("id").asString())).contains(match.get("id").asString());
        assertThat(as(TestIssuer.ADVISER_32).get("/api/v1/matches?demandId=" + demandId).json().size()).isZero();
        assertThat(as(TestIssuer.ADVISER_32).get("/api/v1/matches?companyId=" + match.get("companyId").asString())
                .json().size()).isZero();
    }
}
