package fr.relocmatch.testinfra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes records to a topic with a plain Kafka producer, as another service or a partner would. */
public final class TopicWriter implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public TopicWriter(String bootstrapServers) {
        this(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** A producer with these client properties: the broker's address and, where it authenticates, a login. */
    public TopicWriter(Map<String, Object> client) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producer = new KafkaProducer<>(properties);
    }

    public static TopicWriter onSharedBroker() {
        return new TopicWriter(SharedInfrastructure.get().kafkaBootstrapServers());
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public void send(String topic, String key, String value, Map<String, String> headers) {
        await(producer.send(record(topic, key, value, headers)));
    }

    /**
     * Sends many records at once, as a partner's batch job would: all in flight together, then
     * waits for every acknowledgement; fails on the first the broker refused.
     */
    public void sendAll(List<ProducerRecord<String, String>> records) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        records.forEach(record -> sent.add(producer.send(record)));
        producer.flush();
        sent.forEach(TopicWriter::await);
    }

    /** A record with these headers (UTF-8), for {@link #sendAll}. */
    public static ProducerRecord<String, String> record(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static void await(Future<RecordMetadata> acknowledgement) {
        try {
            acknowledgement.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the record", e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
