package fr.relocmatch.state.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;

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
 * <p>Consumers take {@code Message<byte[]>}: Spring Cloud Function then hands the body over as
 * received and this class parses it once. (With {@code Message<?>} it tried, for every record, to
 * read the JSON into the wildcard type, failed, and fell back to the bytes: two exceptions per
 * record, most of the time a profile took.)
 */
public final class InboundRecords {

    private final JsonMapper mapper;

    public InboundRecords(JsonMapper mapper) {
        this.mapper = mapper.rebuild()
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
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
