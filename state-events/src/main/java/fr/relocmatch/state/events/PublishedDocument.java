package fr.relocmatch.state.events;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * Base of the MongoDB documents whose state is published as events: the id made by the
 * application, the version bumped by every save, the last version Kafka acknowledged, and the time
 * of the last change, and the flag of a version not yet published, under the field names
 * {@link StatePublisher} queries.
 */
public abstract class PublishedDocument implements PublishedState {

    @Id
    protected String id;
    @Version
    protected Long version;
    protected long publishedVersion = -1;
    protected Instant updatedAt;
    /**
     * Written true by every save ({@link PublishedState#FIELD_PUBLISH_PENDING}); only the relay's
     * mark removes it, in the database. Never read by the application.
     */
    @SuppressWarnings("unused")
    private boolean publishPending = true;

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Long getVersion() {
        return version;
    }

    @Override
    public long getPublishedVersion() {
        return publishedVersion;
    }

    @Override
    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
