package fr.relocmatch.state.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The publication of a document's state ({@link Publication} with a version mark): every save
 * bumps {@code version}; the broker's acknowledgement moves {@code publishedVersion} up to it, never
 * back; a document with {@code publishedVersion < version} waits. Consumers are idempotent on
 * (aggregate id, version).
 *
 * @param <D> the document type
 */
public class StatePublisher<D extends PublishedState> extends Publication<D> {

    public StatePublisher(MongoTemplate mongo, Class<D> type, CloudEventPublisher publisher, String bindingName,
            Function<D, StateEvent> toEvent, Duration grace, Clock clock) {
        super(type.getSimpleName(), mongo, type, PublishedState::getId, new VersionMark<>(),
                document -> publisher.send(bindingName, toEvent.apply(document)), grace, clock);
    }

    /** Published up to a version: {@code publishedVersion} follows {@code version}. */
    private static final class VersionMark<D extends PublishedState> implements Mark<D> {

        @Override
        public Criteria pending() {
            return Criteria.expr(() -> new Document("$lt", List.of("$" + PublishedState.FIELD_PUBLISHED_VERSION,
                    "$" + PublishedState.FIELD_VERSION)));
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
