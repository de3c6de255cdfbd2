package fr.relocmatch.contracts.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

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
        if (!publisher.publish(bindingName, toEvent.apply(document))) {
            return false;
        }
        markPublished(document.getId(), document.getVersion());
        return true;
    }

    /** Sends again every document whose saved version is ahead of its published one. */
    public int republishPending() {
        Query pending = query(new Criteria().andOperator(
                where(PublishedState.FIELD_UPDATED_AT).lt(clock.instant().minus(grace)),
                Criteria.expr(() -> new Document("$lt", List.of("$" + PublishedState.FIELD_PUBLISHED_VERSION,
                        "$" + PublishedState.FIELD_VERSION)))))
                .with(Sort.by(PublishedState.FIELD_UPDATED_AT))
                .limit(500);
        int sent = 0;
        for (D document : mongo.find(pending, type)) {
            if (!publish(document)) {
                break; // the broker is unreachable: the next run tries again
            }
            sent++;
        }
        if (sent > 0) {
            log.info("Relay republished {} {} document(s) to {}", sent, type.getSimpleName(), bindingName);
        }
        return sent;
    }

    private void markPublished(String id, long version) {
        // Conditional: a slower publication of an older version never moves the mark backwards.
        // By collection name: an update typed with the entity class would also bump its @Version,
        // making the document look unpublished again.
        mongo.updateFirst(query(where("_id").is(id).and(PublishedState.FIELD_PUBLISHED_VERSION).lt(version)),
                new Update().set(PublishedState.FIELD_PUBLISHED_VERSION, version), mongo.getCollectionName(type));
    }
}
