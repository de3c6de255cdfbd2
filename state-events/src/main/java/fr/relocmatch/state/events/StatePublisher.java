package fr.relocmatch.state.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The publication of a document's state ({@link Publication} with a version mark): every save
 * bumps {@code version}; the broker's acknowledgement moves {@code publishedVersion} up to it, never
 * back; a document with {@code publishedVersion < version} waits, and carries {@code publishPending}
 * (written by every save, removed by the mark of the version saved) so that the relay finds it
 * through an index rather than by reading the whole collection. Consumers are idempotent on
 * (aggregate id, version).
 *
 * @param <D> the document type
 */
public class StatePublisher<D extends PublishedState> extends Publication<D> {

    private static final Logger log = LoggerFactory.getLogger(StatePublisher.class);

    private final MongoTemplate mongo;
    private final Class<D> type;
    private volatile boolean prepared;

    public StatePublisher(MongoTemplate mongo, Class<D> type, CloudEventPublisher publisher, String bindingName,
            Function<D, StateEvent> toEvent, Duration grace, Clock clock) {
        super(type.getSimpleName(), mongo, type, PublishedState::getId, new VersionMark<>(),
                new Sender<D>() {
                    @Override
                    public Optional<String> send(D document) {
                        return publisher.send(bindingName, toEvent.apply(document));
                    }

                    @Override
                    public List<Optional<String>> sendAll(List<D> documents) {
                        return publisher.sendAll(bindingName, documents.stream().map(toEvent).toList());
                    }
                }, grace, clock);
        this.mongo = mongo;
        this.type = type;
    }

    /**
     * The first run makes sure of the sparse index on {@code publishPending} and flags the waiting
     * documents saved before the flag existed (one scan of the collection, once per start); later
     * runs read only the flagged documents.
     */
    @Override
    public int republishPending() {
        if (!prepared) {
            String collection = mongo.getCollectionName(type);
            mongo.indexOps(collection).createIndex(new Index(PublishedState.FIELD_PUBLISH_PENDING, Sort.Direction.ASC)
                    .sparse().named(PublishedState.FIELD_PUBLISH_PENDING));
            // by collection name: an update typed with the entity class would also bump its @Version
            long flagged = mongo.updateMulti(query(new Criteria().andOperator(
                    where(PublishedState.FIELD_PUBLISH_PENDING).exists(false), VersionMark.behind())),
                    new Update().set(PublishedState.FIELD_PUBLISH_PENDING, true), collection).getModifiedCount();
            if (flagged > 0) {
                log.info("Relay flagged {} unpublished {} document(s) saved before the flag", flagged, type.getSimpleName());
            }
            prepared = true;
        }
        return super.republishPending();
    }

    /** Published up to a version: {@code publishedVersion} follows {@code version}. */
    private static final class VersionMark<D extends PublishedState> implements Mark<D> {

        /** Flagged (an index finds these), and not yet acknowledged up to the current version. */
        @Override
        public Criteria pending() {
            return new Criteria().andOperator(where(PublishedState.FIELD_PUBLISH_PENDING).is(true), behind());
        }

        static Criteria behind() {
            return Criteria.expr(() -> new Document("$lt", List.of("$" + PublishedState.FIELD_PUBLISHED_VERSION,
                    "$" + PublishedState.FIELD_VERSION)));
        }

        @Override
        public Optional<Criteria> settles(D document) {
            return Optional.of(where(PublishedState.FIELD_VERSION).is(document.getVersion()));
        }

        @Override
        public Criteria unmarked(D document) {
            // a slower publication of an older version never moves the mark backwards
            return where(PublishedState.FIELD_PUBLISHED_VERSION).lt(document.getVersion());
        }

        @Override
        public Update marked(D document) {
            return new Update().set(PublishedState.FIELD_PUBLISHED_VERSION, document.getVersion());
        }

        @Override
        public String prefix() {
            return "";
        }
    }
}
