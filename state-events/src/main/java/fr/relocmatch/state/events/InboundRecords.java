package fr.relocmatch.state.events;

import java.util.Map;

import java.util.ArrayList;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads records of the compacted state topics as consumers receive them ({@code Message<?>}):
 * tombstones (a key without value: the aggregate was deleted) and JSON snapshots, read leniently —
 * fields added by a newer producer are ignored and absent flags read as false, so that a
 * producer's newer or older schema never stops a consumer.
 *
 * <p>Consumers take {@code Message<byte[]>} and this class parses the body once. (Spring Cloud
 * Function still tries, for every record, to read the JSON into {@code byte[]} before it falls back
 * to the bytes, two exceptions a record: matching-service's companies binding reads batches with
 * {@code use-native-decoding}, which skips that conversion, and splits them with {@link #records}.)
 */
public final class InboundRecords {

    private final JsonMapper mapper;

    public InboundRecords(JsonMapper mapper) {
        this.mapper = mapper.rebuild()
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /**
     * The records of a batch (a binding in {@code batch-mode}) as the messages a record binding
     * would hand over one by one: each with its body, its own headers, key, topic, partition and offset.
     */
    public static List<Message<Object>> records(Message<? extends List<?>> batch) {
        MessageHeaders headers = batch.getHeaders();
        List<?> payloads = batch.getPayload();
        List<?> converted = list(headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS));
        List<Message<Object>> records = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            MessageBuilder<Object> record = MessageBuilder.withPayload((Object) payloads.get(i));
            if (i < converted.size() && converted.get(i) instanceof Map<?, ?> own) {
                own.forEach((name, value) -> record.setHeader(String.valueOf(name), value));
            }
            for (String name : List.of(KafkaHeaders.RECEIVED_KEY, KafkaHeaders.RECEIVED_TOPIC, KafkaHeaders.RECEIVED_PARTITION,
                    KafkaHeaders.OFFSET, KafkaHeaders.RECEIVED_TIMESTAMP)) {
                List<?> values = list(headers.get(name));
                if (i < values.size()) {
                    record.setHeader(name, values.get(i));
                }
            }
            records.add(record.build());
        }
        return records;
    }

    private static List<?> list(Object header) {
        return header instanceof List<?> values ? values : List.of();
    }

    /** A record without value: the aggregate was deleted. */
    public static boolean isTombstone(Message<?> message) {
        return message.getPayload() instanceof KafkaNull;
    }

    /** The record key, the aggregate id. */
    public static String key(Message<?> message) {
        Object key = message.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        return key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(key);
    }

    /** The partition the record was read from, or -1 when not read from Kafka. */
    public static int partition(Message<?> message) {
        return message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION) instanceof Integer partition ? partition : -1;
    }

    /**
     * The JSON body as the given type, read leniently (see the class comment) but refusing what no
     * consumer can process: a body that is not JSON, not a JSON object, lacks one of the
     * {@code required} fields (the identity and version the consumer works by) or gives a field a
     * value of the wrong type. Throws {@link UnreadableRecordException} naming the fields, which the
     * binder dead-letters without retrying.
     */
    public <T> T read(Message<?> message, Class<T> type, String... required) {
        JsonNode body;
        try {
            body = tree(message.getPayload());
        }
        catch (JacksonException e) {
            throw new UnreadableRecordException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (!body.isObject()) {
            throw new UnreadableRecordException("not a JSON object but " + body.getNodeType(), null);
        }
        List<String> missing = Arrays.stream(required).filter(field -> body.path(field).isMissingNode()
                || body.path(field).isNull()).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableRecordException("missing " + String.join(", ", missing), null);
        }
        try {
            return mapper.treeToValue(body, type);
        }
        catch (JacksonException e) {
            throw new UnreadableRecordException("unreadable: " + e.getOriginalMessage() + " at "
                    + e.getPathReference(), e);
        }
    }

    private JsonNode tree(Object payload) {
        if (payload instanceof byte[] bytes) {
            return mapper.readTree(bytes);
        }
        if (payload instanceof String text) {
            return mapper.readTree(text);
        }
        return mapper.valueToTree(payload);
    }

}
