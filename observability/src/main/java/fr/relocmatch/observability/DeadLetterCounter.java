package fr.relocmatch.observability;

import java.util.Map;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Metrics;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Counts, in {@code relocmatch.dead.letters} (tag {@code topic}), the records the broker took on a
 * dead-letter topic — one whose name has a {@code dlq} part, as {@code relocmatch.matching.dlq.v1} or
 * {@code relocmatch.partner.companies.v1.dlq}. A Kafka producer interceptor, so that every way a
 * service dead-letters (the binder's, its own) is counted the same, by what the broker acknowledged.
 * Kafka makes it (not Spring): it counts in Micrometer's global registry, which Boot's registry joins.
 */
public class DeadLetterCounter implements ProducerInterceptor<Object, Object> {

    static final String METER = "relocmatch.dead.letters";
    private static final Pattern DEAD_LETTER_TOPIC = Pattern.compile("(^|.*\\.)dlq(\\..*|$)");

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
        if (exception == null && metadata != null && isDeadLetterTopic(metadata.topic())) {
            Metrics.counter(METER, "topic", metadata.topic()).increment();
        }
    }

    static boolean isDeadLetterTopic(String topic) {
        return topic != null && DEAD_LETTER_TOPIC.matcher(topic).matches();
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
