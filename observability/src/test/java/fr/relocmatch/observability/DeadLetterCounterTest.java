package fr.relocmatch.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterCounterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterCounter counter = new DeadLetterCounter();

    @AfterEach
    void removeRegistry() {
        Metrics.removeRegistry(registry);
    }

    @Test
    void countsWhatTheBrokerTookOnEachDeadLetterTopic() {
        Metrics.addRegistry(registry);
        counter.onAcknowledgement(taken("relocmatch.matching.dlq.v1"), null);
        counter.onAcknowledgement(taken("relocmatch.matching.dlq.v1"), null);
        counter.onAcknowledgement(taken("relocmatch.partner.companies.v1.dlq"), null);
        counter.onAcknowledgement(taken("relocmatch.matches.v1"), null);
        counter.onAcknowledgement(taken("relocmatch.demand.dlq.v1"), new IllegalStateException("not taken"));

        assertThat(registry.get(DeadLetterCounter.METER).tag("topic", "relocmatch.matching.dlq.v1").counter().count())
                .isEqualTo(2);
        assertThat(registry.get(DeadLetterCounter.METER).tag("topic", "relocmatch.partner.companies.v1.dlq").counter()
                .count()).isEqualTo(1);
        assertThat(registry.find(DeadLetterCounter.METER).tag("topic", "relocmatch.matches.v1").counter()).isNull();
        assertThat(registry.find(DeadLetterCounter.METER).tag("topic", "relocmatch.demand.dlq.v1").counter()).isNull();
    }

    @Test
    void aDeadLetterTopicHasADlqPartInItsName() {
        assertThat(DeadLetterCounter.isDeadLetterTopic("relocmatch.notification.dlq.v1")).isTrue();
        assertThat(DeadLetterCounter.isDeadLetterTopic("relocmatch.partner.demands.v1.dlq")).isTrue();
        assertThat(DeadLetterCounter.isDeadLetterTopic("relocmatch.dlqueue.v1")).isFalse();
        assertThat(DeadLetterCounter.isDeadLetterTopic("relocmatch.companies.v1")).isFalse();
    }

    private static RecordMetadata taken(String topic) {
        return new RecordMetadata(new TopicPartition(topic, 0), 0, 0, 0, 0, 0);
    }
}
