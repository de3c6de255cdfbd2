package fr.relocmatch.contracts.events;

import java.time.Instant;

/**
 * A MongoDB document whose state is published as events. It stores {@code version} (bumped by
 * every save, {@code @Version}) and {@code publishedVersion} (the last version the broker
 * acknowledged): a document with {@code publishedVersion < version} still has to be published.
 * Field names are fixed because {@link StatePublisher} queries them.
 */
public interface PublishedState {

    String FIELD_VERSION = "version";
    String FIELD_PUBLISHED_VERSION = "publishedVersion";
    String FIELD_UPDATED_AT = "updatedAt";

    String getId();

    Long getVersion();

    long getPublishedVersion();

    Instant getUpdatedAt();
}
