package fr.relocmatch.state.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.Metrics;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the state of saved documents without a dual write: the caller saves first, then asks
 * for publication; the broker's acknowledgement moves {@code publishedVersion} up to the
 * document's version. Whatever was saved but not acknowledged (broker down, crash between the two
 * steps) is found by {@link #republishPending()} and sent again. Delivery is at-least-once and
 * consumers are idempotent on (aggregate id, version).
 *
 * @param <D> the document type
 */
public class StatePublisher<D extends PublishedState> {

    private static final Logger log = LoggerFactory.getLogger(StatePublisher.class);

    private final MongoTemplate mongo;
    private final Class<D> type;
    private final CloudEventPublisher publisher;
    private final String bindingName;
    private final Function<D, StateEvent> toEvent;
    private final Duration grace;
    private final Clock clock;
    /** When the broker last acknowledged one of these documents: evidence that it is up. */
    private volatile Instant lastSuccess;

    /** Failed publications after which a document is parked (see {@link #republishPending()}). */
    static final int PARK_AFTER = 3;

    /**
     * @param grace how long a fresh save is left to its own publication before the relay takes it
     *              over, so that the relay does not race the request that saved it
     */
    public StatePublisher(MongoTemplate mongo, Class<D> type, CloudEventPublisher publisher, String bindingName,
            Function<D, StateEvent> toEvent, Duration grace, Clock clock) {
        this.mongo = mongo;
        this.type = type;
        this.publisher = publisher;
        this.bindingName = bindingName;
        this.toEvent = toEvent;
        this.grace = grace;
        this.clock = clock;
    }

    /** Publishes a document that was just saved; answers whether the broker acknowledged it. */
    public boolean publish(D document) {
        return send(document).isEmpty();
    }

    private java.util.Optional<String> send(D document) {
        java.util.Optional<String> error;
        try {
            error = publisher.send(bindingName, toEvent.apply(document));
        }
        catch (RuntimeException e) {
            error = java.util.Optional.of("cannot make the event: " + e);
        }
        if (error.isEmpty()) {
            lastSuccess = clock.instant();
            markPublished(document.getId(), document.getVersion());
        }
        return error;
    }

    /**
     * Sends again every document whose saved version is ahead of its published one, oldest change
     * first. A document that fails is counted and the run goes on: one document the broker refuses
     * (too large, not serialisable) never holds back those behind it. After
     * {@value #PARK_AFTER} failures, if the broker has taken other documents since its first failure,
     * it is parked — left out of later runs, logged with its reason and counted in
     * {@code relocmatch.relay.parked} for an operator to act on. Three failures in a row end the run:
     * an unreachable broker is retried at the next one, and then nothing gets parked.
     */
    public int republishPending() {
        Query pending = query(new Criteria().andOperator(
                where(PublishedState.FIELD_UPDATED_AT).lt(clock.instant().minus(grace)),
                where(PublishedState.FIELD_PARKED).ne(true),
                Criteria.expr(() -> new Document("$lt", List.of("$" + PublishedState.FIELD_PUBLISHED_VERSION,
                        "$" + PublishedState.FIELD_VERSION)))))
                .with(Sort.by(PublishedState.FIELD_UPDATED_AT))
                .limit(500);
        int sent = 0;
        int failuresInARow = 0;
        for (D document : mongo.find(pending, type)) {
            java.util.Optional<String> error = send(document);
            if (error.isEmpty()) {
                sent++;
                failuresInARow = 0;
                continue;
            }
            failed(document, error.get());
            if (++failuresInARow == 3) {
                break; // most likely the broker: the next run tries again
            }
        }
        if (sent > 0) {
            log.info("Relay republished {} {} document(s) to {}", sent, type.getSimpleName(), bindingName);
        }
        return sent;
    }

    /** How many documents of this type the relay has parked. */
    public long parked() {
        return mongo.count(query(where(PublishedState.FIELD_PARKED).is(true)), mongo.getCollectionName(type));
    }

    private void failed(D document, String error) {
        Document raw = mongo.getCollection(mongo.getCollectionName(type))
                .find(new Document("_id", document.getId())).first();
        int failures = 1 + (raw == null || raw.get(PublishedState.FIELD_PUBLISH_FAILURES) == null ? 0
                : ((Number) raw.get(PublishedState.FIELD_PUBLISH_FAILURES)).intValue());
        java.util.Date first = raw == null ? null : raw.getDate(PublishedState.FIELD_FIRST_PUBLISH_FAILURE_AT);
        Instant firstFailure = first == null ? clock.instant() : first.toInstant();
        boolean park = failures >= PARK_AFTER && lastSuccess != null && !lastSuccess.isBefore(firstFailure);
        Update update = new Update().set(PublishedState.FIELD_PUBLISH_FAILURES, failures)
                .set(PublishedState.FIELD_FIRST_PUBLISH_FAILURE_AT, firstFailure)
                .set(PublishedState.FIELD_LAST_PUBLISH_ERROR, error);
        if (park) {
            update.set(PublishedState.FIELD_PARKED, true);
            Metrics.counter("relocmatch.relay.parked", "type", type.getSimpleName()).increment();
            log.error("Relay parked {} {} v{} after {} failed publications while the broker took others: {}",
                    type.getSimpleName(), document.getId(), document.getVersion(), failures, error);
        }
        mongo.updateFirst(query(where("_id").is(document.getId())), update, mongo.getCollectionName(type));
    }

    private void markPublished(String id, long version) {
        // Conditional: a slower publication of an older version never moves the mark backwards.
        // By collection name: an update typed with the entity class would also bump its @Version,
        // making the document look unpublished again.
        mongo.updateFirst(query(where("_id").is(id).and(PublishedState.FIELD_PUBLISHED_VERSION).lt(version)),
                new Update().set(PublishedState.FIELD_PUBLISHED_VERSION, version)
                        .unset(PublishedState.FIELD_PUBLISH_FAILURES).unset(PublishedState.FIELD_FIRST_PUBLISH_FAILURE_AT)
                        .unset(PublishedState.FIELD_LAST_PUBLISH_ERROR).unset(PublishedState.FIELD_PARKED),
                mongo.getCollectionName(type));
    }
}
