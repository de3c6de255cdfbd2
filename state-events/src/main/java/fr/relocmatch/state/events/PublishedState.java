package fr.relocmatch.state.events;

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
    /**
     * True in every saved version until its publication is acknowledged (the mark of that very
     * version removes it): what the relay finds waiting documents by, through a sparse index, instead
     * of comparing {@code publishedVersion} with {@code version} in every document of the collection.
     */
    String FIELD_PUBLISH_PENDING = "publishPending";
    /** Written by the relay only: failed publications of the current version, and why. */
    String FIELD_PUBLISH_FAILURES = "publishFailures";
    String FIELD_FIRST_PUBLISH_FAILURE_AT = "firstPublishFailureAt";
    String FIELD_LAST_PUBLISH_ERROR = "lastPublishError";
    /** Written by the relay only: true when it stopped trying (see {@link StatePublisher}). */
    String FIELD_PARKED = "publishParked";

    String getId();

    Long getVersion();

    long getPublishedVersion();

    Instant getUpdatedAt();
}
