package fr.relocmatch.partner;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

import fr.relocmatch.contracts.events.CloudEventHeaders;
import fr.relocmatch.contracts.events.EventIds;
import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.contracts.schema.FieldViolation;
import fr.relocmatch.api.InvalidInputException;
import fr.relocmatch.contracts.schema.ContractSchemas;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.ErrorResponseException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes partners' messages from an inbox topic: each is checked against its JSON Schema, then by
 * the same domain rules as the REST API. An accepted one becomes an ordinary profile or demand; a
 * rejected one is copied to {@code <inbox>.dlq} with the reason, the original topic, partition and
 * offset ({@code x-} headers) and the partner's own headers byte for byte — nothing of Spring's
 * ({@link DeadLetterHeaderMapper}). Either way the partner gets an outcome event on
 * the outcomes topic, keyed by its {@code ce_source} and carrying its {@code ce_id}.
 *
 * <p>Failures that are not the message's fault (database down...) are rethrown: the binder retries
 * the record and, past its attempts, dead-letters it with the exception.
 */
public class PartnerInbox {

    /** Header of a dead-lettered partner message: why it was rejected. */
    public static final String REASON = "x-relocmatch-reason";
    /** Header of a dead-lettered partner message: the offending fields, as JSON. */
    public static final String ERRORS = "x-relocmatch-errors";
    public static final String ORIGINAL_TOPIC = "x-original-topic";
    public static final String ORIGINAL_PARTITION = "x-original-partition";
    public static final String ORIGINAL_OFFSET = "x-original-offset";
    /** Bean name of the record converter the inbox bindings use ({@code converter-bean-name}). */
    public static final String RECORD_CONVERTER = "partnerRecordConverter";

    private static final Logger log = LoggerFactory.getLogger(PartnerInbox.class);

    private final StreamBridge bridge;
    private final JsonMapper json;
    private final String outcomesTopic;
    private final String source;
    private final Clock clock;

    public PartnerInbox(StreamBridge bridge, JsonMapper json, String outcomesTopic, String source, Clock clock) {
        this.bridge = bridge;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.outcomesTopic = outcomesTopic;
        this.source = source;
        this.clock = clock;
    }

    /** A partner's accepted message, read as the REST request it mirrors. */
    public record Submission<T>(T body, String id, String source) {
    }

    /**
     * Handles one inbox record.
     *
     * @param schema the JSON Schema of its body ({@code partner-company-submission}...)
     * @param resource what it creates, in the outcome ({@code company}, {@code demand})
     * @param accept applies the domain rules and stores it; answers the resource id; throws
     *        {@link InvalidInputException} or a 4xx {@link ErrorResponseException} to reject
     */
    public <T> void receive(Message<?> message, String schema, String resource, Class<T> type,
            Function<Submission<T>, String> accept) {
        Origin origin = Origin.of(message);
        if (origin.id() == null || origin.source() == null) {
            reject(message, origin, resource, "ce_id and ce_source headers are required to correlate the outcome",
                    List.of());
            return;
        }
        Object payload = message.getPayload();
        if (payload instanceof KafkaNull || !(payload instanceof byte[] bytes) || bytes.length == 0) {
            reject(message, origin, resource, "empty message", List.of());
            return;
        }
        JsonNode body;
        try {
            body = json.readTree(bytes);
        }
        catch (JacksonException e) {
            reject(message, origin, resource, "not JSON: " + e.getOriginalMessage(), List.of());
            return;
        }
        List<FieldViolation> violations = ContractSchemas.shipped().violations(schema, body);
        if (!violations.isEmpty()) {
            reject(message, origin, resource, "does not match schema " + schema, violations);
            return;
        }
        T value;
        try {
            value = json.treeToValue(body, type);
        }
        catch (JacksonException e) {
            reject(message, origin, resource, "unreadable: " + e.getOriginalMessage(), List.of());
            return;
        }
        String resourceId;
        try {
            resourceId = accept.apply(new Submission<>(value, origin.id(), origin.source()));
        }
        catch (InvalidInputException e) {
            reject(message, origin, resource, "breaks the rules of the " + resource + " API", e.violations());
            return;
        }
        catch (ErrorResponseException e) {
            if (!e.getStatusCode().is4xxClientError()) {
                throw e;
            }
            reject(message, origin, resource, e.getBody().getDetail(), List.of());
            return;
        }
        log.info("Partner {} message {} accepted as {} {}", origin.source(), origin.id(), resource, resourceId);
        publishOutcome(origin, new Outcome(origin.id(), origin.source(), "ACCEPTED", resource, resourceId, null, List.of(),
                origin.topic(), origin.partition(), origin.offset(), clock.instant()));
    }

    private void reject(Message<?> message, Origin origin, String resource, String reason, List<FieldViolation> errors) {
        log.warn("Partner {} message {} on {}-{}@{} rejected: {} {}", origin.source(), origin.id(), origin.topic(),
                origin.partition(), origin.offset(), reason, errors);
        Object payload = message.getPayload() instanceof byte[] bytes ? bytes : new byte[0];
        MessageBuilder<Object> dead = MessageBuilder.withPayload(payload);
        if (message.getHeaders().get(KafkaHeaders.RAW_DATA) instanceof ConsumerRecord<?, ?> record) {
            // the partner's headers as they were written, byte for byte
            for (Header header : record.headers()) {
                if (!header.key().startsWith("x-")) {
                    dead.setHeader(header.key(), header.value());
                }
            }
        }
        else {
            for (String attribute : new String[] {"id", "source", "type", "specversion", "time", "subject"}) {
                String value = CloudEventHeaders.read(message, attribute);
                if (value != null) {
                    dead.setHeader("ce_" + attribute, text(value));
                }
            }
        }
        dead.setHeader(REASON, text(reason))
                .setHeader(ERRORS, json.writeValueAsBytes(errors))
                .setHeader(ORIGINAL_TOPIC, text(origin.topic()))
                .setHeader(ORIGINAL_PARTITION, text(String.valueOf(origin.partition())))
                .setHeader(ORIGINAL_OFFSET, text(String.valueOf(origin.offset())))
                .setHeader(KafkaHeaders.KEY, message.getHeaders().get(KafkaHeaders.RECEIVED_KEY));
        send(origin.topic() + ".dlq", dead.build());
        publishOutcome(origin, new Outcome(origin.id(), origin.source(), "REJECTED", resource, null, reason, errors,
                origin.topic(), origin.partition(), origin.offset(), clock.instant()));
    }

    private void publishOutcome(Origin origin, Outcome outcome) {
        String type = "ACCEPTED".equals(outcome.outcome()) ? EventTypes.PARTNER_SUBMISSION_ACCEPTED
                : EventTypes.PARTNER_SUBMISSION_REJECTED;
        String correlation = outcome.correlationId() == null ? origin.topic() + "-" + origin.partition() + "@" + origin.offset()
                : outcome.correlationId();
        Message<Outcome> event = CloudEventMessageBuilder.withData(outcome)
                .setSpecVersion("1.0")
                .setId(EventIds.of("outcome", String.valueOf(outcome.source()), correlation).toString())
                .setSource(source)
                .setType(type)
                .setSubject(correlation)
                .setTime(outcome.at().atOffset(ZoneOffset.UTC))
                .setDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(CloudEventHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(KafkaHeaders.KEY, text(outcome.source() == null ? "unknown" : outcome.source()))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        send(outcomesTopic, event);
    }

    private void send(String topic, Message<?> message) {
        if (!bridge.send(topic, message)) {
            throw new IllegalStateException("Could not write to " + topic); // the binder retries the record
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    /** Body of SubmissionAccepted and SubmissionRejected events ({@code partner-outcome} schema). */
    public record Outcome(String correlationId, String source, String outcome, String resource, String resourceId,
            String reason, List<FieldViolation> errors, String topic, int partition, long offset, Instant at) {
    }

    /** Where a record came from and who sent it. */
    private record Origin(String id, String source, String topic, int partition, long offset) {

        static Origin of(Message<?> message) {
            Object partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
            Object offset = message.getHeaders().get(KafkaHeaders.OFFSET);
            return new Origin(CloudEventHeaders.read(message, "id"), CloudEventHeaders.read(message, "source"),
                    String.valueOf(message.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC)),
                    partition instanceof Integer p ? p : -1, offset instanceof Long o ? o : -1);
        }
    }
}
