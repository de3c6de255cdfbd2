package fr.relocmatch.state.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The compacted state topics (companies, demands: one snapshot per aggregate, the log every
 * instance rebuilds from) created with their real configuration by whichever service comes
 * first, and corrected where they exist with another one. Spring Kafka's {@link KafkaAdmin} does
 * both before any binding starts: it creates missing topics and, with
 * {@link KafkaAdmin#setModifyTopicConfigs modifyTopicConfigs}, alters the configuration of existing
 * ones (a topic first created by a consumer with the broker defaults, {@code cleanup.policy=delete}).
 * Services name their state topics in {@code relocmatch.kafka.state-topics}.
 */
public final class StateTopics {

    private StateTopics() {
    }

    /**
     * An admin client on the binder's brokers that creates and corrects the given topics.
     *
     * @param client more client properties: the login on a broker that authenticates
     */
    public static KafkaAdmin admin(String brokers, Map<String, Object> client) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        KafkaAdmin admin = new KafkaAdmin(properties);
        admin.setModifyTopicConfigs(true);
        return admin;
    }

    /** The state topics: compacted, {@code partitions} partitions, the broker's replication factor. */
    public static KafkaAdmin.NewTopics topics(List<String> names, int partitions) {
        return new KafkaAdmin.NewTopics(names.stream()
                .map(name -> TopicBuilder.name(name).partitions(partitions)
                        .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build())
                .toArray(NewTopic[]::new));
    }
}
