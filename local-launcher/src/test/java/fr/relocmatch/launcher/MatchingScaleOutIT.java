package fr.relocmatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TopicProbe;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * matching-service as two instances of one région (one consumer group, one database), the
 * evaluation set's profiles and demands loaded through the REST APIs, one instance SIGKILLed
 * halfway through the demands: the survivor takes the dead one's demands over, and the final
 * rankings equal those of a single reference instance that read the same topics into a database
 * of its own; no match is proposed twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingScaleOutIT {

    private static final Path SET = Path.of("src/test/resources/evaluation");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration SETTLE = Duration.ofMinutes(3);

    private EmbeddedKafkaKraftBroker broker;
    private final List<Services> started = new ArrayList<>();

    @BeforeAll
    void broker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
    }

    @AfterAll
    void stop() {
        started.forEach(Services::close);
        broker.destroy();
    }

    @Test
    void twoInstancesOneKilledMidwayRankLikeOneAndProposeNothingTwice() throws Exception {
        Services apis = start(List.of("company-service", "demand-service"), "scale", Map.of());
        Services first = start(List.of("matching-service"), "scale", Map.of());
        Services second = start(List.of("matching-service"), "scale", Map.of());
        JsonApi companies = new JsonApi(apis.baseUrl("company-service"));
        JsonApi demandApi = new JsonApi(apis.baseUrl("demand-service"));
        LocalDate today = LocalDate.now();
        JsonNode demands = JSON.readTree(Files.readString(SET.resolve("demands.json"), StandardCharsets.UTF_8));
        JsonNode profiles = JSON.readTree(Files.readString(SET.resolve("profiles.json"), StandardCharsets.UTF_8));

        try (TopicProbe matches = new TopicProbe(broker.getBrokersAsString(), "relocmatch.matches.v1")) {
            for (JsonNode demand : demands) {
                assertThat(companies.post("/api/v1/companies", demand.get("group")).status()).isEqualTo(201);
            }
            for (JsonNode profile : profiles) {
                ObjectNode body = (ObjectNode) profile.get("body").deepCopy();
                for (JsonNode certificate : body.get("certifications")) {
                    ((ObjectNode) certificate).put("validUntil",
                            today.plusDays(certificate.get("validUntilInDays").asInt()).toString());
                    ((ObjectNode) certificate).remove("validUntilInDays");
                }
                assertThat(companies.post("/api/v1/companies", body).status()).isEqualTo(201);
            }
            List<String> demandIds = new ArrayList<>();
            int n = 0;
            for (JsonNode demand : demands) {
                if (n++ == demands.size() / 2) {
                    first.processes().getFirst().kill(); // SIGKILL, mid-load
                }
                ObjectNode body = (ObjectNode) demand.get("body").deepCopy();
                body.put("startDate", today.plusDays(demand.get("startInDays").asInt()).toString());
                JsonApi.Response created = await().atMost(Duration.ofSeconds(60))
                        .until(() -> demandApi.post("/api/v1/demands", body), r -> !r.body().contains("no such company"));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                String id = created.json().get("id").asString();
                assertThat(demandApi.post("/api/v1/demands/" + id + "/open", Map.of()).status()).isEqualTo(200);
                demandIds.add(id);
            }

            Map<String, List<String>> survivor = settled(new JsonApi(second.baseUrl("matching-service")), demandIds);
            Services reference = start(List.of("matching-service"), "reference",
                    Map.of("spring.application.name", "matching-reference"));
            Map<String, List<String>> alone = settled(new JsonApi(reference.baseUrl("matching-service")), demandIds);
            assertThat(survivor).isEqualTo(alone);
            assertThat(alone.values()).allMatch(ranking -> !ranking.isEmpty());

            // each match of the région's instances proposed once (the reference writes under its own
            // source); a relayed copy of the same version is at-least-once delivery, not a second proposal
            Map<String, java.util.Set<Long>> proposals = new HashMap<>();
            for (ConsumerRecord<String, String> record : matches.seen()) {
                if (header(record, "ce_type").endsWith("MatchProposed.v1")
                        && header(record, "ce_source").endsWith("/matching-service")) {
                    JsonNode match = JsonApi.parse(record.value());
                    proposals.computeIfAbsent(match.get("matchId").asString(), k -> new java.util.HashSet<>())
                            .add(match.get("version").asLong());
                }
            }
            assertThat(proposals).isNotEmpty();
            assertThat(proposals.values()).as("versions proposed per match").allMatch(versions -> versions.size() == 1);
        }
    }

    /** Every demand's proposed suppliers, best first, once they stayed the same over three polls. */
    private static Map<String, List<String>> settled(JsonApi matching, List<String> demandIds) {
        AtomicReference<Map<String, List<String>>> last = new AtomicReference<>(Map.of());
        AtomicInteger unchanged = new AtomicInteger();
        return await().atMost(SETTLE).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, List<String>> now = new LinkedHashMap<>();
            for (String id : demandIds) {
                now.put(id, matching.get("/api/v1/matches?demandId=" + id).json().valueStream()
                        .filter(m -> "PROPOSED".equals(m.get("status").asString()))
                        .sorted(java.util.Comparator.comparingInt(m -> m.get("rank").asInt()))
                        .map(m -> m.get("companyId").asString()).toList());
            }
            unchanged.set(now.equals(last.getAndSet(now)) ? unchanged.get() + 1 : 0);
            return now;
        }, now -> unchanged.get() >= 3 && now.values().stream().noneMatch(List::isEmpty));
    }

    private Services start(List<String> names, String database, Map<String, String> extra) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        names.forEach(name -> ports.put(name, RunningServices.freePort()));
        Path projectRoot = Path.of("").toAbsolutePath().getParent();
        Services services = Services.start(projectRoot, ports, broker.getBrokersAsString(),
                SharedInfrastructure.get().mongoUri(), SharedInfrastructure.get().smtpPort(),
                projectRoot.resolve("local-launcher/target/e2e-logs/scale-out-" + started.size()), Duration.ofMinutes(3),
                name -> {
                    Map<String, String> properties = new HashMap<>(extra);
                    properties.put("spring.mongodb.database", "relocmatch-" + name.replace("-service", "") + "-" + database);
                    return properties;
                });
        started.add(services);
        return services;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
