package fr.relocmatch.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.relocmatch.matching.cli.WeightsCommand;
import fr.relocmatch.testinfra.ContractAssertions;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TestIssuer;
import fr.relocmatch.testinfra.TopicProbe;
import fr.relocmatch.testinfra.TopicWriter;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Decisions that teach the ranking: a région's advisers reject the close supplier that cannot
 * make the volume and accept the farther one that can; the weights fitted to those decisions
 * weigh capacity more, change nothing until a région admin applies them, and then re-rank the
 * open demands through the usual match events, once. A database and consumer groups of its own,
 * and processes no other matching test uses, so that the decisions fitted to are only these.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=relocmatch-matching-weights",
        "spring.cloud.stream.bindings.companies-in-0.group=weights-profiles",
        "spring.cloud.stream.bindings.demands-in-0.group=weights-demands",
        "relocmatch.matching.learning.min-decisions=4" })
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeightsLearningIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final double ROUEN_LAT = 49.4435;
    private static final double ROUEN_LON = 1.10006;
    /** Degrees of latitude per km. */
    private static final double KM = 1 / 111.2;
    /** Each pair's own process (powder coating of a kind), so that a demand sees only its two workshops. */
    private int pairs;

    @LocalServerPort
    int port;

    private TopicWriter writer;
    private MatchingEvents events;
    private JsonApi adviser;
    private JsonApi admin;

    @BeforeAll
    void connect() {
        writer = TopicWriter.onSharedBroker();
        events = new MatchingEvents(writer);
        adviser = SharedInfrastructure.get().api(port, TestIssuer.ADVISER_28);
        admin = SharedInfrastructure.get().api(port, TestIssuer.ADMIN_28);
        await().atMost(Duration.ofSeconds(60)).until(() -> adviser.get("/actuator/health/readiness").status() == 200);
    }

    @AfterAll
    void disconnect() {
        writer.close();
    }

    /** One demand of 12 000 pieces a year, 60 km around Rouen: a workshop in Rouen that makes 2 000, and one {@code km} away that makes 20 000. */
    private record Pair(String demand, JsonNode close, JsonNode able) {
    }

    private Pair pair(int km) {
        String process = "POWDER_COATING_" + (char) ('A' + pairs++);
        String demand = UUID.randomUUID().toString();
        String close = UUID.randomUUID().toString();
        String able = UUID.randomUUID().toString();
        events.company(close, 0, "Thermolaquage de Rouen", List.of(process), ROUEN_LAT, ROUEN_LON,
                ",\"capacity\":{\"annualQuantity\":2000,\"unit\":\"PIECES\",\"availablePercent\":100}");
        events.company(able, 0, "Thermolaquage du Vexin", List.of(process), ROUEN_LAT + km * KM, ROUEN_LON,
                ",\"capacity\":{\"annualQuantity\":20000,\"unit\":\"PIECES\",\"availablePercent\":100}");
        events.demand(demand, 0, "OPEN", List.of(process), 60, ",\"annualVolume\":{\"quantity\":12000,\"unit\":\"PIECES\"}");
        List<JsonNode> matches = await().atMost(TIMEOUT).until(
                () -> adviser.get("/api/v1/matches?demandId=" + demand).json().valueStream().toList(), list -> list.size() == 2);
        JsonNode first = matches.getFirst();
        JsonNode second = matches.get(1);
        return first.get("companyId").asString().equals(close) ? new Pair(demand, first, second) : new Pair(demand, second, first);
    }

    private int decide(JsonNode match, Map<String, String> body) {
        return adviser.post("/api/v1/matches/" + match.get("id").asString() + "/decision", body).status();
    }

    @Test
    void capacityRejectionsRaiseTheCapacityWeightAndAppliedWeightsReRankOpenDemandsOnce() throws Exception {
        List<Pair> decided = new ArrayList<>();
        for (int km = 44; km < 56; km += 2) {
            decided.add(pair(km));
        }
        List<Pair> open = List.of(pair(50), pair(54));
        for (Pair pair : open) {
            // the ranking the advisers disagree with: the close workshop first, whatever its capacity
            assertThat(pair.close().get("rank").asInt()).isEqualTo(1);
            assertThat(pair.close().get("weightsVersion").asInt()).isZero();
        }
        JsonApi.Response tooFew = admin.post("/api/v1/weights/fits", Map.of());
        assertThat(tooFew.status()).as(tooFew.body()).isEqualTo(409);
        assertThat(tooFew.json().get("detail").asString()).contains("at least 4 acceptances and 4 rejections", "has 0 and 0");

        for (Pair pair : decided) {
            assertThat(decide(pair.close(), Map.of("decision", "REJECTED", "reasonCode", "CAPACITY", "reason", "2 000 pièces par an"))).isEqualTo(200);
            assertThat(decide(pair.able(), Map.of("decision", "ACCEPTED"))).isEqualTo(200);
        }
        // a rejection for the price says nothing of what the score weighs: left out
        Pair priced = pair(46);
        assertThat(decide(priced.able(), Map.of("decision", "REJECTED", "reasonCode", "PRICE"))).isEqualTo(200);

        JsonApi.Response fitted = admin.post("/api/v1/weights/fits", Map.of());

        assertThat(fitted.status()).as(fitted.body()).isEqualTo(201);
        JsonNode version = fitted.json();
        assertThat(fitted.location()).endsWith("/api/v1/weights/" + version.get("version").asInt());
        assertThat(version.get("version").asInt()).isEqualTo(1);
        assertThat(version.get("fittedOn").asInt()).isZero();
        assertThat(version.at("/weights/capacity").asDouble()).isGreaterThan(version.at("/fittedOnWeights/capacity").asDouble());
        assertThat(version.at("/weights/distance").asDouble()).isLessThan(version.at("/fittedOnWeights/distance").asDouble());
        assertThat(version.at("/weights/freshness").asDouble()).as("every profile just confirmed: nothing learnt")
                .isEqualTo(version.at("/fittedOnWeights/freshness").asDouble());
        assertThat(version.at("/coefficients/capacity").asDouble()).isPositive();
        assertThat(version.at("/basis/accepted").asInt()).isEqualTo(6);
        assertThat(version.at("/basis/rejected").asInt()).isEqualTo(6);
        assertThat(version.at("/basis/leftOut/PRICE").asInt()).isEqualTo(1);
        assertThat(version.at("/pastDecisions/acceptedUp").asInt()).as("every accepted workshop moves above the rejected one")
                .isEqualTo(6);
        assertThat(version.at("/pastDecisions/pairsInOrderBefore").asInt()).isZero();
        assertThat(version.at("/pastDecisions/pairsInOrderAfter").asInt()).isEqualTo(6);
        assertThat(version.get("fittedBy").asString()).isEqualTo("admin@normandie.cci.fr");
        assertThat(version.get("appliedBy").isNull()).isTrue();

        // fitted is not applied: nothing moves until an admin says so
        JsonNode listing = adviser.get("/api/v1/weights").json();
        assertThat(listing.get("applied").asInt()).isZero();
        assertThat(listing.get("versions").findValuesAsString("id")).containsExactly("28:1", "28:0");
        assertThat(adviser.post("/api/v1/weights/1/apply", Map.of()).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/weights/7/apply", Map.of()).status()).isEqualTo(404);

        try (TopicProbe matches = TopicProbe.on(MatchingEvents.MATCHES)) {
            JsonApi.Response applied = admin.post("/api/v1/weights/1/apply", Map.of());

            assertThat(applied.status()).as(applied.body()).isEqualTo(200);
            assertThat(applied.json().get("appliedBy").asString()).isEqualTo("admin@normandie.cci.fr");
            for (Pair pair : open) {
                JsonNode able = await().atMost(TIMEOUT).until(
                        () -> adviser.get("/api/v1/matches/" + pair.able().get("id").asString()).json(),
                        match -> match.get("rank").asInt() == 1);
                assertThat(able.get("weightsVersion").asInt()).isEqualTo(1);
                assertThat(able.at("/explanation").findValues("weight").stream().map(JsonNode::asDouble))
                        .contains(version.at("/weights/capacity").asDouble());
            }
            List<String> openDemands = open.stream().map(Pair::demand).toList();
            List<ConsumerRecord<String, String>> changes = await().atMost(TIMEOUT).until(
                    () -> ofVersion(matches.seen(), openDemands, 1), list -> list.size() == 4);
            // another check of the applied weights by every instance changes nothing more
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> ofVersion(matches.seen(), openDemands, 1).size() == 4);
            // the able workshop moves up; the close one, scored 0.24 under the new weights, leaves the candidates
            Map<String, String> typeByMatch = new java.util.HashMap<>();
            changes.forEach(change -> typeByMatch.put(JsonApi.parse(change.value()).get("matchId").asString(),
                    TopicProbe.headers(change).get("ce_type")));
            for (Pair pair : open) {
                assertThat(typeByMatch).containsEntry(pair.able().get("id").asString(), "fr.relocmatch.matching.MatchUpdated.v1")
                        .containsEntry(pair.close().get("id").asString(), "fr.relocmatch.matching.MatchWithdrawn.v1");
            }
            ContractAssertions.assertConform(changes);
            assertThat(ofVersion(matches.seen(), decided.stream().map(Pair::demand).toList(), 1))
                    .as("decided demands have no candidate left to move").isEmpty();
        }
        assertThat(adviser.get("/api/v1/weights").json().get("applied").asInt()).isEqualTo(1);

        // back to the configuration's weights: version 0
        assertThat(admin.post("/api/v1/weights/0/apply", Map.of()).status()).isEqualTo(200);
        await().atMost(TIMEOUT).until(() -> adviser.get("/api/v1/matches/" + open.getFirst().close().get("id").asString()).json(),
                match -> match.get("status").asString().equals("PROPOSED") && match.get("rank").asInt() == 1
                        && match.get("weightsVersion").asInt() == 0);

        // the command a région admin runs: the same fit, said in a table; applying only when asked
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        WeightsCommand command = new WeightsCommand("http://localhost:" + port,
                SharedInfrastructure.get().issuer().token(TestIssuer.ADMIN_28), new java.io.PrintStream(printed, true));
        assertThat(command.fit()).isZero();
        System.out.println(printed); // what README's "Weights that learn from decisions" shows
        assertThat(printed.toString()).contains("weights fitted to 6 acceptances and 6 rejections", "{\"PRICE\":1}",
                "Version 2, beside version 0 (applied)", "accepted matches: 6, of which 6 move up and 0 down",
                "0 of 6 pairs → 6 of 6", "Evaluation set (30 demands", "fit-weights.sh --apply 2")
                .containsPattern("capacity +0\\.200 +" + version.at("/weights/capacity").asString().replace(".", "\\.") + "0* +\\+")
                .containsPattern("freshness +0\\.050 +0\\.050 +not learnt");
        assertThat(adviser.get("/api/v1/weights").json().get("applied").asInt()).isZero();
        printed.reset();
        assertThat(command.apply(9)).isEqualTo(1);
        assertThat(printed.toString()).contains("Refused (404)");
    }

    private static List<ConsumerRecord<String, String>> ofVersion(List<ConsumerRecord<String, String>> records,
            List<String> demands, int weightsVersion) {
        return records.stream().filter(r -> demands.contains(r.key()))
                .filter(r -> JsonApi.parse(r.value()).path("weightsVersion").asInt(-1) == weightsVersion).toList();
    }
}
