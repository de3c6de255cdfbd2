package fr.relocmatch.testinfra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from its beginning with a plain Kafka consumer, as a partner would, and waits for
 * records matching a condition.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicProbe(String bootstrapServers, String topic) {
        this(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
    }

    /** A consumer with these client properties: the broker's address and, where it authenticates, a login. */
    public TopicProbe(Map<String, Object> client, String topic) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(properties);
        consumer.subscribe(List.of(topic));
        this.topic = topic;
    }

    public static TopicProbe on(String topic) {
        return new TopicProbe(SharedInfrastructure.get().kafkaBootstrapServers(), topic);
    }

    /** Polls until a record satisfies the condition; answers it. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> condition,
            Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> pollFor(condition), record -> record != null);
    }

    /** Every record read so far, in order. */
    public List<ConsumerRecord<String, String>> seen() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return List.copyOf(seen);
    }

    /**
     * Every record of the topic written so far: polls until the probe is assigned every partition
     * and has read each up to the end offset it has now.
     */
    public List<ConsumerRecord<String, String>> seenToTheEnd(Duration timeout) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            var assignment = consumer.assignment();
            if (assignment.isEmpty() || assignment.size() < consumer.partitionsFor(topic).size()) {
                return false;
            }
            var ends = consumer.endOffsets(assignment);
            return assignment.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
        });
        return List.copyOf(seen);
    }

    private ConsumerRecord<String, String> pollFor(Predicate<ConsumerRecord<String, String>> condition) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.stream().filter(condition).findFirst().orElse(null);
    }

    /** Header values of a record as UTF-8 strings (CloudEvents binary mode). */
    public static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
