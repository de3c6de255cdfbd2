package fr.relocmatch.state.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends {@link StateEvent}s through a Spring Cloud Stream output binding as CloudEvents in Kafka
 * binary mode, and answers whether the broker acknowledged each: only then may the caller mark its
 * document as published. Each record's send future comes back from the binder's producer handler
 * ({@link #sendResults()}, installed on every producer binding by {@link StateEventsAutoConfiguration});
 * {@link #sendAll} puts a whole list in flight before waiting, so ten events cost one round trip to
 * the broker rather than ten. A binding left synchronous ({@code producer.sync: true}) hands its
 * future back too, already complete when the send returns; a send that hands none back counts as
 * not acknowledged.
 */
public class CloudEventPublisher {

    private static final Logger log = LoggerFactory.getLogger(CloudEventPublisher.class);

    private final StreamBridge streamBridge;
    private final String source;
    private final Duration acknowledgementTimeout;
    private final AtomicLong tokens = new AtomicLong();
    /** Send futures handed back by the producer handlers, by token, until the sender takes its own. */
    private final Map<Object, CompletableFuture<?>> sendResults = new ConcurrentHashMap<>();

    public CloudEventPublisher(StreamBridge streamBridge, String source) {
        this(streamBridge, source, Duration.ofMinutes(2));
    }

    /**
     * @param acknowledgementTimeout how long to wait for the broker's answer to one record (the
     *                               producer's own {@code delivery.timeout.ms}, 2 minutes by default, ends it sooner)
     */
    public CloudEventPublisher(StreamBridge streamBridge, String source, Duration acknowledgementTimeout) {
        this.streamBridge = streamBridge;
        this.source = source;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /**
     * Where a binding's producer handler sends each record's send future
     * ({@code KafkaProducerMessageHandler#setFuturesChannel}), under the token the record's message carried.
     */
    public MessageChannel sendResults() {
        return (message, timeout) -> {
            sendResults.put(message.getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN), (CompletableFuture<?>) message.getPayload());
            return true;
        };
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
        return sendAll(bindingName, List.of(event)).get(0);
    }

    /**
     * Sends the events in order, all in flight before the first acknowledgement is awaited;
     * answers, for each, empty when the broker acknowledged it, else why not. Never throws.
     */
    public List<Optional<String>> sendAll(String bindingName, List<StateEvent> events) {
        List<Optional<String>> results = sendAcknowledged(bindingName,
                events.stream().<Function<Long, Message<?>>>map(event -> token -> toMessage(event, token)).toList());
        for (int i = 0; i < events.size(); i++) {
            StateEvent event = events.get(i);
            if (results.get(i).isEmpty()) {
                Metrics.counter("relocmatch.events.published", "binding", bindingName, "type", event.type()).increment();
            }
            else {
                log.warn("Could not publish {} {} to {}: {}", event.type(), event.subject(), bindingName, results.get(i).get());
            }
        }
        return results;
    }

    /**
     * Sends a record as given (a dead letter: its key, body and headers as they are); answers empty
     * when the broker acknowledged it, else why not. Never throws.
     */
    public Optional<String> sendRecord(String bindingName, Message<?> record) {
        return sendAcknowledged(bindingName, List.of(token -> MessageBuilder.fromMessage(record)
                .setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, token).build())).get(0);
    }

    /**
     * Sends the messages all in flight, then waits for each acknowledgement. Each message is made
     * with the token its send future will come back under ({@link KafkaIntegrationHeaders#FUTURE_TOKEN},
     * not written to the record).
     */
    private List<Optional<String>> sendAcknowledged(String bindingName, List<Function<Long, Message<?>>> messages) {
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (Function<Long, Message<?>> message : messages) {
            Long token = tokens.incrementAndGet();
            try {
                boolean taken = streamBridge.send(bindingName, message.apply(token));
                CompletableFuture<?> future = sendResults.remove(token);
                inFlight.add(!taken ? CompletableFuture.failedFuture(new IllegalStateException("not acknowledged"))
                        : future != null ? future
                        // only an acknowledgement seen is one: a binding that hands no future back is misconfigured
                        : CompletableFuture.failedFuture(new IllegalStateException("no send result from binding " + bindingName)));
            }
            catch (RuntimeException e) {
                sendResults.remove(token);
                inFlight.add(CompletableFuture.failedFuture(e));
            }
        }
        List<Optional<String>> results = new ArrayList<>();
        for (CompletableFuture<?> sent : inFlight) {
            try {
                sent.get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
                results.add(Optional.empty());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                results.add(Optional.of("interrupted while waiting for the broker"));
            }
            catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                results.add(Optional.of(root.getClass().getSimpleName() + ": " + root.getMessage()));
            }
        }
        return results;
    }

    Message<Object> toMessage(StateEvent event) {
        return toMessage(event, null);
    }

    private Message<Object> toMessage(StateEvent event, Long sendToken) {
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
                .setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, sendToken) // none: no header
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
    }
}
