package fr.relocmatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/**
 * matching-service as two instances of one région (one consumer group, one database), the
 * evaluation set's profiles and demands loaded through the REST APIs, one instance SIGKILLed
 * halfway through the demands: the survivor takes the dead one's demands over, and the final
 * rankings equal those of a single reference instance that read the same topics into a database
 * of its own; no match is proposed twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingScaleOutIT {


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
        EvaluationSet set = new EvaluationSet();

        try (TopicProbe matches = new TopicProbe(broker.getBrokersAsString(), "relocmatch.matches.v1")) {
            set.loadCompanies(new JsonApi(apis.baseUrl("company-service")));
            Map<String, String> demandIds = set.openDemands(new JsonApi(apis.baseUrl("demand-service")), index -> {
                if (index == set.demands.size() / 2) {
                    first.processes().getFirst().kill(); // SIGKILL, mid-load
                }
            });

            Map<String, List<String>> survivor = EvaluationSet.settledRankings(new JsonApi(second.baseUrl("matching-service")),
                    demandIds, id -> id);
            Services reference = start(List.of("matching-service"), "reference",
                    Map.of("spring.application.name", "matching-reference"));
            Map<String, List<String>> alone = EvaluationSet.settledRankings(new JsonApi(reference.baseUrl("matching-service")),
                    demandIds, id -> id);
            assertThat(survivor).isEqualTo(alone);
            assertThat(alone.values()).allMatch(ranking -> !ranking.isEmpty());

            // each match of the région's instances proposed once (the reference writes under its own
            // source); a relayed copy of the same version is at-least-once delivery, not a second proposal
            Map<String, java.util.Set<Long>> proposals = new HashMap<>();
            for (ConsumerRecord<String, String> record : matches.seenToTheEnd(Duration.ofMinutes(1))) {
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
