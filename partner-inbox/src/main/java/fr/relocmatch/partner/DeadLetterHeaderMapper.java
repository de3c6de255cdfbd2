package fr.relocmatch.partner;

import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.messaging.MessageHeaders;

/**
 * The binder's header mapper, except for a partner's dead letter (a message carrying
 * {@link PartnerInbox#REASON}): that one is written with its byte-valued headers only — the
 * partner's own, as received, and ours ({@code x-…}) — and none that Spring adds on the way out
 * ({@code contentType}, {@code message-type}, {@code spring_json_header_types}), so that the
 * operator sees the message as the partner sent it.
 */
public class DeadLetterHeaderMapper extends BinderHeaderMapper {

    @Override
    public void fromHeaders(MessageHeaders headers, Headers target) {
        if (!headers.containsKey(PartnerInbox.REASON)) {
            super.fromHeaders(headers, target);
            return;
        }
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            if (header.getValue() instanceof byte[] value && !header.getKey().startsWith("kafka_")) {
                target.add(header.getKey(), value);
            }
        }
    }
}
