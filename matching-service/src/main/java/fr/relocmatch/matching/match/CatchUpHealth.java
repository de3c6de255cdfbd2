package fr.relocmatch.matching.match;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Readiness of matching-service (health group {@code readiness}, contributor {@code catchUp}):
 * DOWN until the index has read the companies and demands topics up to their end at start.
 */
@Component("catchUp")
class CatchUpHealth extends AbstractHealthIndicator {

    private final CatchUp catchUp;
    private final java.util.concurrent.atomic.AtomicBoolean completed = new java.util.concurrent.atomic.AtomicBoolean();

    CatchUpHealth(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            @Value("${spring.cloud.stream.bindings.companies-in-0.destination}") String companies,
            @Value("${spring.cloud.stream.bindings.demands-in-0.destination}") String demands) {
        super("Catch-up check failed");
        this.catchUp = new CatchUp(endOffsets(brokers, List.of(companies, demands)));
    }

    /** Notes that a record of a consumed topic was handled; answers whether it completed the catch-up. */
    boolean handled(Message<?> message) {
        Object topic = message.getHeaders().get("kafka_receivedTopic");
        Object partition = message.getHeaders().get("kafka_receivedPartitionId");
        Object offset = message.getHeaders().get("kafka_offset");
        if (topic != null && partition instanceof Integer p && offset instanceof Long o) {
            catchUp.handled(topic.toString(), p, o);
        }
        return !completed.get() && catchUp.caughtUp() && completed.compareAndSet(false, true);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (catchUp.caughtUp()) {
            builder.up();
        }
        else {
            builder.down().withDetail("behind", catchUp.behind());
        }
    }

    private static Map<TopicPartition, Long> endOffsets(String brokers, List<String> topics) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : topics) {
                try {
                    TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                            .get(30, TimeUnit.SECONDS).get(topic);
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                }
                catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    // not created yet: nothing to catch up on
                }
            }
            ListOffsetsResult offsets = admin.listOffsets(latest);
            for (TopicPartition partition : latest.keySet()) {
                ends.put(partition, offsets.partitionResult(partition).get(30, TimeUnit.SECONDS).offset());
            }
            return ends;
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + topics + " from " + brokers, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
