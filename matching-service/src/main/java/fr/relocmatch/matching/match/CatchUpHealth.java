package fr.relocmatch.matching.match;

import java.util.Optional;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

/**
 * Readiness of matching-service (health group {@code readiness}, contributor {@code catchUp}):
 * DOWN until the state has read the partitions assigned to this instance — every partition of
 * the companies topic, this instance's share of the demands topic — up to where they ended when
 * they were assigned (see {@link CatchUp}).
 */
@Component("catchUp")
class CatchUpHealth extends AbstractHealthIndicator {

    private final CatchUp catchUp;
    private final String demandsTopic;
    private final AtomicBoolean completed = new AtomicBoolean();

    CatchUpHealth(@Value("${spring.cloud.stream.bindings.companies-in-0.destination}") String companies,
            @Value("${spring.cloud.stream.bindings.demands-in-0.destination}") String demands) {
        super("Catch-up check failed");
        this.catchUp = new CatchUp(List.of(companies, demands));
        this.demandsTopic = demands;
    }

    /**
     * Partitions were assigned to a binding's consumer: each is read again from its beginning;
     * answers the demands partitions that have nothing to read.
     */
    Set<TopicPartition> assigned(String topic, Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        consumer.seekToBeginning(partitions);
        return catchUp.assigned(topic, consumer.endOffsets(partitions), consumer.beginningOffsets(partitions));
    }

    void revoked(Collection<TopicPartition> partitions) {
        catchUp.revoked(partitions);
    }

    /**
     * Notes that a record of a consumed topic was handled; answers the demands partition it brought
     * up to date, if it did.
     */
    Optional<Integer> handled(Message<?> message) {
        Object topic = message.getHeaders().get("kafka_receivedTopic");
        Object partition = message.getHeaders().get("kafka_receivedPartitionId");
        Object offset = message.getHeaders().get("kafka_offset");
        if (topic != null && partition instanceof Integer p && offset instanceof Long o
                && catchUp.handled(topic.toString(), p, o) && topic.toString().equals(demandsTopic)) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Answers true once, when every assigned partition has first been read up to its end. */
    boolean completedNow() {
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
}
