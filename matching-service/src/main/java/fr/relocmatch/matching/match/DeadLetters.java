package fr.relocmatch.matching.match;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import fr.relocmatch.state.events.CloudEventPublisher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Puts a record the companies batch could not take on {@value #TOPIC}, as the binder does for a
 * record binding: the record's key, body and CloudEvents headers, with {@code x-exception-message},
 * {@code x-exception-fqcn}, {@code x-exception-stacktrace}, {@code x-original-topic},
 * {@code x-original-partition} and {@code x-original-offset}. Waits for the broker's
 * acknowledgement; throws when it does not come, so that the batch is read again rather than the
 * record lost.
 */
@Component
class DeadLetters {

    static final String TOPIC = "relocmatch.matching.dlq.v1";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final CloudEventPublisher publisher;

    DeadLetters(CloudEventPublisher publisher) {
        this.publisher = publisher;
    }

    void send(Message<?> record, RuntimeException reason) {
        MessageBuilder<Object> dead = MessageBuilder.withPayload((Object) record.getPayload());
        record.getHeaders().forEach((name, value) -> {
            if (name.startsWith("ce_") || name.equals("traceparent")) {
                dead.setHeader(name, value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : value);
            }
        });
        Object key = record.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        Object topic = record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC);
        Object partition = record.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION);
        Object offset = record.getHeaders().get(KafkaHeaders.OFFSET);
        StringWriter trace = new StringWriter();
        reason.printStackTrace(new PrintWriter(trace));
        dead.setHeader(KafkaHeaders.KEY, key instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : key)
                .setHeader("x-exception-message", utf8(String.valueOf(reason.getMessage())))
                .setHeader("x-exception-fqcn", utf8(reason.getClass().getName()))
                .setHeader("x-exception-stacktrace", utf8(trace.toString()))
                .setHeader("x-original-topic", utf8(String.valueOf(topic)));
        if (partition instanceof Integer p) {
            dead.setHeader("x-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(p).array());
        }
        if (offset instanceof Long o) {
            dead.setHeader("x-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(o).array());
        }
        publisher.sendRecord(TOPIC, dead.build()).ifPresent(error -> {
            throw new IllegalStateException("dead letter not acknowledged: " + error, reason);
        });
        // the reason is in the dead letter: it may quote the record, whose fields are not for logs
        log.warn("Record {}-{}@{} dead-lettered to {} ({})", topic, partition, offset, TOPIC, reason.getClass().getSimpleName());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
