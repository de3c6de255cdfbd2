package fr.relocmatch.state.events;

import fr.relocmatch.contracts.events.EventTypes;
import java.time.Instant;
import java.util.Objects;

/**
 * One event to put on a topic: CloudEvents attributes, the Kafka key (the aggregate id) and the
 * JSON body.
 *
 * @param id      unique event id ({@code ce_id}); consumers may deduplicate on it
 * @param type    {@code ce_type}, one of {@link EventTypes}
 * @param key     Kafka record key, the aggregate id so that one aggregate stays on one partition
 * @param subject {@code ce_subject}, the aggregate id and version, e.g. {@code company/42@3}
 * @param time    {@code ce_time}, when the state changed
 * @param data    body, serialised as JSON; null for a tombstone, which tells a compacted topic to
 *                forget the key
 */
public record StateEvent(String id, String type, String key, String subject, Instant time, Object data) {

    public StateEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
    }

    /** The deletion of an aggregate: a record with its key and no value. */
    public static StateEvent tombstone(String id, String type, String key, String subject, Instant time) {
        return new StateEvent(id, type, key, subject, time, null);
    }

    public boolean isTombstone() {
        return data == null;
    }
}
