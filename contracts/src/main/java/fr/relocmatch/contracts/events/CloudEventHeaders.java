package fr.relocmatch.contracts.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.messaging.Message;

/** Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** Headers read as UTF-8 text whoever wrote the record ({@code contentType} is Spring's own). */
    public static final List<String> TEXT_HEADERS = List.of(ID, SOURCE, TYPE, SPEC_VERSION,
            TIME, SUBJECT, "ce_dataschema", CONTENT_TYPE, "contentType");

    private CloudEventHeaders() {
    }

    /**
     * Reads a CloudEvents attribute ({@code "type"}, {@code "id"}...) of an inbound message.
     * Spring Cloud Function renames {@code ce_} Kafka headers to {@code ce-} on the way in, and
     * records written by other Kafka clients carry raw bytes: both are accepted.
     */
    public static String read(Message<?> message, String attribute) {
        for (String name : new String[] {"ce_" + attribute, "ce-" + attribute}) {
            Object value = message.getHeaders().get(name);
            if (value instanceof byte[] bytes) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }
}
