package fr.relocmatch.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import fr.relocmatch.notification.adviser.LinkTokens;
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
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;

/**
 * README's access table, notification-service's rows: every endpoint as every caller, on the real
 * issuer; who reads which e-mails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext // one notification-service at a time in the consumer group
class AccessMatrixIT {

    /** The adviser column's person. */
    private static final String ADVISER = "grands-comptes@normandie.cci.fr";
    private static final String ENTRY = "/api/v1/advisers/" + ADVISER;
    private static final String PREFERENCES = "{\"language\": \"en\", \"delivery\": \"INSTANT\", \"minScore\": 0.3}";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    LinkTokens links;

    private TopicWriter writer;

    @BeforeAll
    void connect() {
        writer = TopicWriter.onSharedBroker();
    }

    /** The directory is shared with the other tests of this database: the adviser goes back to the defaults (instant). */
    @AfterAll
    void disconnect() {
        as(TestIssuer.ADMIN_28).delete(ENTRY, null);
        writer.close();
    }

    private JsonApi as(String login) {
        return SharedInfrastructure.get().api(port, login);
    }

    /** The adviser column's entry, as their région's admin set it. */
    private void directoryEntry() {
        JsonApi.Response saved = as(TestIssuer.ADMIN_28).put(ENTRY, Map.of("name", "Conseiller grands comptes",
                "regions", List.of("28"), "language", "fr", "delivery", "INSTANT", "minScore", 0.0), null);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    private Supplier<Object> entryState() {
        return () -> {
            JsonApi.Response entry = as(TestIssuer.ADMIN_28).get(ENTRY);
            return entry.status() + " " + entry.body();
        };
    }

    private Supplier<Attempt> preferences(String method, String path, String body) {
        return () -> {
            directoryEntry();
            String link = path + "?token=" + links.sign(ADVISER);
            return new Attempt(method, link, body == null ? null : "application/json", body, entryState());
        };
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheReadmeSays() {
        Map<String, Supplier<Attempt>> scenarios = new LinkedHashMap<>();
        scenarios.put("GET /api/v1/advisers", () -> Attempt.get("/api/v1/advisers"));
        scenarios.put("GET /api/v1/advisers/{email}", () -> {
            directoryEntry();
            return Attempt.get(ENTRY);
        });
        scenarios.put("PUT /api/v1/advisers/{email}", () -> {
            directoryEntry();
            return Attempt.json("PUT", ENTRY, PREFERENCES, entryState());
        });
        scenarios.put("DELETE /api/v1/advisers/{email}", () -> {
            directoryEntry();
            return new Attempt("DELETE", ENTRY, null, null, entryState());
        });
        scenarios.put("GET /api/v1/notifications", () -> Attempt.get("/api/v1/notifications"));
        scenarios.put("GET /api/v1/preferences", preferences("GET", "/api/v1/preferences", null));
        scenarios.put("PUT /api/v1/preferences", preferences("PUT", "/api/v1/preferences", PREFERENCES));
        scenarios.put("POST /api/v1/preferences/unsubscribe", preferences("POST", "/api/v1/preferences/unsubscribe", null));

        AccessMatrix.verify(port, "notification", AccessMatrix.endpointsOf(context), scenarios);
    }

    @Test
    void anAdviserReadsTheirOwnEmailsAndTheAdminEveryDeliveryWithoutItsText() {
        directoryEntry(); // instant e-mails, whatever an earlier test chose
        String matchId = UUID.randomUUID().toString();
        MatchNotices.publish(writer, "MatchProposed", matchId, 0, "textile@normandie.cci.fr", ADVISER);
        await().atMost(Duration.ofSeconds(30)).until(() -> as(TestIssuer.ADMIN_28)
                .get("/api/v1/notifications?status=SENT&matchId=" + matchId).json().size() == 2);

        List<JsonNode> own = as(TestIssuer.ADVISER_28).get("/api/v1/notifications?matchId=" + matchId).json()
                .valueStream().toList();
        assertThat(own).singleElement().satisfies(email -> {
            assertThat(email.get("recipient").asString()).isEqualTo(ADVISER);
            assertThat(email.get("body").asString()).contains("/preferences?token=").doesNotContain("/api/v1/");
        });
        assertThat(as(TestIssuer.TEXTILE_ADVISER_28).get("/api/v1/notifications?matchId=" + matchId).json()
                .valueStream().map(email -> email.get("recipient").asString())).containsExactly("textile@normandie.cci.fr");
        JsonApi.Response someoneElses = as(TestIssuer.ADVISER_28).get("/api/v1/notifications?recipient=textile@normandie.cci.fr");
        assertThat(someoneElses.status()).isEqualTo(403);

        List<JsonNode> deliveries = as(TestIssuer.ADMIN_28).get("/api/v1/notifications?matchId=" + matchId).json()
                .valueStream().toList();
        assertThat(deliveries).extracting(email -> email.get("recipient").asString())
                .containsExactlyInAnyOrder(ADVISER, "textile@normandie.cci.fr");
        assertThat(deliveries).allSatisfy(email -> {
            assertThat(email.get("status").asString()).isEqualTo("SENT");
            assertThat(email.get("subject").isNull()).isTrue();
            assertThat(email.get("body").isNull()).isTrue();
        });
    }

    @Test
    void anAdviserChangesTheirPreferencesButNotTheRegionsTheyServe() {
        directoryEntry();
        JsonApi adviser = as(TestIssuer.ADVISER_28);

        JsonApi.Response moved = adviser.put(ENTRY, Map.of("regions", List.of("28", "32"), "language", "en",
                "delivery", "INSTANT", "minScore", 0.3), null);
        assertThat(moved.status()).isEqualTo(403);
        JsonApi.Response kept = adviser.put(ENTRY, Map.of("language", "en", "delivery", "DAILY_DIGEST", "minScore", 0.3),
                null);
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("regions").toString()).isEqualTo("[\"28\"]");
        assertThat(kept.json().get("delivery").asString()).isEqualTo("DAILY_DIGEST");
        JsonApi.Response byLink = JsonApi.onLocalPort(port).put("/api/v1/preferences?token=" + links.sign(ADVISER),
                Map.of("regions", List.of("32"), "language", "fr", "delivery", "INSTANT", "minScore", 0.0), null);
        assertThat(byLink.status()).isEqualTo(403);
        assertThat(as(TestIssuer.ADMIN_28).get(ENTRY).json().get("regions").toString()).isEqualTo("[\"28\"]");
    }
}
