package fr.relocmatch.contracts.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids ({@code ce_id}) derived from what the event is about, never drawn at random: the same
 * change published twice — by the request that saved it and by the relay — carries the same id,
 * and consumers deduplicate on it. A name-based UUID (version 3) of the parts joined by {@code /}.
 */
public final class EventIds {

    private EventIds() {
    }

    /** The id of the event about a version of an aggregate: {@code company/<id>@<version>}. */
    public static UUID ofVersion(String kind, String id, long version) {
        return of(kind, id + "@" + version);
    }

    /** The id named by its parts, e.g. {@code decision/<match id>}, {@code outcome/<source>/<message id>}. */
    public static UUID of(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(StandardCharsets.UTF_8));
    }
}
