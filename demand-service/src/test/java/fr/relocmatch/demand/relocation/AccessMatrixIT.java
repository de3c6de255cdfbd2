package fr.relocmatch.demand.relocation;

import fr.relocmatch.testinfra.TestSirets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * README's access table, demand-service's rows: every endpoint as every caller, on the real
 * issuer; who sees a confidential demand's buyer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    KnownCompanies known;

    private TopicWriter writer;
    private String groupSiret;

    @BeforeAll
    void knownGroup() {
        writer = TopicWriter.onSharedBroker();
        groupSiret = TestSirets.random();
        String groupId = DemandFixtures.publishCompany(writer, "GROUP", groupSiret, "Maison Discrète SA", "ACTIVE");
        await().atMost(Duration.ofSeconds(30)).until(() -> known.byId(groupId).isPresent());
    }

    @AfterAll
    void close() {
        writer.close();
    }

    private JsonApi as(String login) {
        return SharedInfrastructure.get().api(port, login);
    }

    private Map<String, Object> confidentialDemand() {
        Map<String, Object> demand = DemandFixtures.bathLinenNearRouen(groupSiret);
        demand.put("confidential", true);
        return demand;
    }

    /** A confidential DRAFT demand of région 28 submitted by the partner of the "own" column, moved as asked. */
    private String submittedDemand(String... moves) {
        JsonApi.Response created = as(TestIssuer.PARTNER).post("/api/v1/demands", confidentialDemand());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        for (String move : moves) {
            assertThat(as(TestIssuer.ADMIN_28).post("/api/v1/demands/" + id + "/" + move, Map.of()).status()).isEqualTo(200);
        }
        return id;
    }

    private Supplier<Object> stateOf(String id) {
        return () -> as(TestIssuer.ADMIN_28).get("/api/v1/demands/" + id).body();
    }

    private Supplier<Object> count() {
        return () -> as(TestIssuer.ADMIN_28).get("/api/v1/demands?size=1").json().get("totalElements").asLong();
    }

    private Supplier<Attempt> move(String move, String... before) {
        return () -> {
            String id = submittedDemand(before);
            return new Attempt("POST", "/api/v1/demands/" + id + "/" + move, null, null, stateOf(id));
        };
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheReadmeSays() {
        Map<String, Supplier<Attempt>> scenarios = new LinkedHashMap<>();
        scenarios.put("POST /api/v1/demands", () -> Attempt.json("POST", "/api/v1/demands",
                JSON.writeValueAsString(confidentialDemand()), count()));
        scenarios.put("GET /api/v1/demands/{id}", () -> Attempt.get("/api/v1/demands/" + submittedDemand()));
        scenarios.put("PUT /api/v1/demands/{id}", () -> {
            String id = submittedDemand();
            Map<String, Object> changed = confidentialDemand();
            changed.put("title", "Linge de bain en coton bio");
            return Attempt.json("PUT", "/api/v1/demands/" + id, JSON.writeValueAsString(changed), stateOf(id));
        });
        scenarios.put("POST /api/v1/demands/{id}/open", move("open"));
        scenarios.put("POST /api/v1/demands/{id}/discussion", move("discussion", "open"));
        scenarios.put("POST /api/v1/demands/{id}/fulfil", move("fulfil", "open"));
        scenarios.put("POST /api/v1/demands/{id}/cancel", move("cancel"));
        scenarios.put("GET /api/v1/demands", () -> Attempt.get("/api/v1/demands"));
        scenarios.put("GET /api/v1/demands/process-suggestions",
                () -> Attempt.get("/api/v1/demands/process-suggestions?hs=630260"));

        AccessMatrix.verify(port, "demand", AccessMatrix.endpointsOf(context), scenarios);
    }

    @Test
    void aConfidentialBuyerIsShownToTheRegionsStaffAndTheSubmitterOnly() {
        String id = submittedDemand();

        for (String whole : new String[] {TestIssuer.ADVISER_28, TestIssuer.ADMIN_28, TestIssuer.AUDITOR_28,
                TestIssuer.PARTNER}) {
            assertThat(as(whole).get("/api/v1/demands/" + id).json().at("/buyer/name").asString()).as(whole)
                    .isEqualTo("Maison Discrète SA");
        }
        JsonNode published = as(TestIssuer.ADVISER_32).get("/api/v1/demands/" + id).json();
        assertThat(published.get("title").asString()).isEqualTo("Linge de bain en coton");
        assertThat(published.get("confidential").asBoolean()).isTrue();
        assertThat(published.get("buyer").isNull()).isTrue();
        String listed = as(TestIssuer.ADVISER_32).get("/api/v1/demands?size=200").body();
        assertThat(listed).contains(id).doesNotContain("Maison Discrète").doesNotContain(groupSiret);
    }
}
