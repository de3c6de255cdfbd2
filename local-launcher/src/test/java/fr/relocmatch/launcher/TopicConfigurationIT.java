package fr.relocmatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import fr.relocmatch.testinfra.SharedInfrastructure;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The configuration the broker reports for the topics, once the services run: the two state
 * topics compacted whoever created them (a consumer binding used to create them first, with the
 * broker's {@code delete} policy and 7 days' retention), every other topic with time-based
 * retention (the broker default, 7 days, as the README says).
 */
class TopicConfigurationIT {

    private static final Set<String> STATE_TOPICS = Set.of("relocmatch.companies.v1", "relocmatch.demands.v1");
    private static final String SEVEN_DAYS_MS = String.valueOf(Duration.ofDays(7).toMillis());

    @Test
    void stateTopicsAreCompactedAndTheOthersKeepSevenDays() throws Exception {
        Services services = RunningServices.get();
        assertThat(services.processes()).hasSize(4);
        Map<String, Config> configs = configs(RunningServices.kafka().properties(KafkaAccess.ADMIN));

        assertThat(configs.keySet()).containsAll(STATE_TOPICS).contains("relocmatch.decisions.v1", "relocmatch.matching.dlq.v1");
        configs.forEach((topic, config) -> {
            String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            if (STATE_TOPICS.contains(topic)) {
                assertThat(policy).as(topic).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            else {
                assertThat(policy).as(topic).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic).isEqualTo(SEVEN_DAYS_MS);
            }
        });
    }

    @Test
    void stateTopicsCreatedWithTheWrongPolicyAreCorrectedAtStart() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            // as a consumer binding with the broker defaults used to leave them
            admin.createTopics(STATE_TOPICS.stream().map(t -> new NewTopic(t, 3, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE))).toList())
                    .all().get(30, TimeUnit.SECONDS);
            assertThat(configs(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString())).get("relocmatch.demands.v1")
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");

            Path projectRoot = Path.of("").toAbsolutePath().getParent();
            try (Services matching = Services.start(projectRoot, Map.of("matching-service", RunningServices.freePort()),
                    KafkaClients.plaintext(broker.getBrokersAsString()), SharedInfrastructure.get().mongoUri(), SharedInfrastructure.get().smtpPort(),
                    Callers.access(),
                    projectRoot.resolve("local-launcher/target/e2e-logs/topics"), Duration.ofMinutes(3),
                    name -> Map.of("spring.mongodb.database", "relocmatch-matching-topics"))) {
                Map<String, Config> configs = configs(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
                for (String topic : STATE_TOPICS) {
                    assertThat(configs.get(topic).get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(topic)
                            .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
                }
            }
        }
        finally {
            broker.destroy();
        }
    }

    /** The configuration of every relocmatch topic on the broker. */
    private static Map<String, Config> configs(Map<String, Object> client) throws Exception {
        try (Admin admin = Admin.create(client)) {
            List<ConfigResource> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> t.startsWith("relocmatch.")).sorted()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
            return admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        }
    }
}
