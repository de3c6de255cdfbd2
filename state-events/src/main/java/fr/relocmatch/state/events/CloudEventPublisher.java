package fr.relocmatch.state.events;

import java.util.Optional;
import fr.relocmatch.contracts.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.Metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends {@link StateEvent}s through a Spring Cloud Stream output binding as CloudEvents in Kafka
 * binary mode. The binding is expected to be synchronous ({@code producer.sync: true}) so that a
 * {@code true} answer means the broker acknowledged the record: only then may the caller mark its
 * document as published.
 */
public class CloudEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(CloudEventPublisher.class);

    private final StreamBridge streamBridge;
    private final String source;

    public CloudEventPublisher(StreamBridge streamBridge, String source) {
        this.streamBridge = streamBridge;
        this.source = source;
    }

    /** Sends the event; answers whether the broker acknowledged it. Never throws. */
    public boolean publish(String bindingName, StateEvent event) {
        return send(bindingName, event).isEmpty();
    }

    /**
     * Sends the event; answers empty when the broker acknowledged it, else why not. Never throws.
     * Each acknowledged event counts in {@code relocmatch.events.published} (by binding and type).
     */
    public Optional<String> send(String bindingName, StateEvent event) {
        try {
            if (!streamBridge.send(bindingName, toMessage(event))) {
                return Optional.of("not acknowledged");
            }
            Metrics.counter("relocmatch.events.published", "binding", bindingName, "type", event.type()).increment();
            return Optional.empty();
        }
        catch (RuntimeException e) {
            log.warn("Could not publish {} {} to {}: {}", event.type(), event.subject(), bindingName, e.toString());
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return Optional.of(root.getClass().getSimpleName() + ": " + root.getMessage());
        }
    }

    Message<Object> toMessage(StateEvent event) {
        // KafkaNull makes the binder write a null value: a tombstone on a compacted topic.
        return CloudEventMessageBuilder.withData(event.isTombstone() ? KafkaNull.INSTANCE : event.data())
                .setSpecVersion("1.0")
                .setId(event.id())
                .setSource(source)
                .setType(event.type())
                .setSubject(event.subject())
                .setTime(event.time().atOffset(ZoneOffset.UTC))
                .setDataContentType(MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(CloudEventHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                // The binder's default key serializer takes bytes.
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
    }
}
