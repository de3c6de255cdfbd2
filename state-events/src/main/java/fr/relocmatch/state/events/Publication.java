package fr.relocmatch.state.events;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The one way a service tells others what it saved, without a dual write: the caller saves first,
 * then asks for publication; the broker's acknowledgement marks the document published. Whatever
 * was saved but not acknowledged (broker down, crash between the two steps) is found by
 * {@link #republishPending()} — which the {@link PublicationRelay} runs for every publication of
 * the service — and sent again. Delivery is at-least-once; event ids are derived from the change
 * ({@code EventIds}), and consumers are idempotent on them.
 *
 * <p>What "published" means is the publication's {@link Mark}: a version mark for a document's
 * state ({@link StatePublisher}: {@code publishedVersion} up to {@code version}), a flag for a
 * one-off event of a document ({@link #flag}: an adviser's decision, an e-mail's outcome).
 *
 * @param <D> the document type
 */
public class Publication<D> {

    private static final Logger log = LoggerFactory.getLogger(Publication.class);

    /** Failed publications after which a document is parked (see {@link #republishPending()}). */
    static final int PARK_AFTER = 3;
    /** Documents one relay run looks at, oldest change first. */
    static final int BATCH = 500;

    /** Which documents wait, and how one is marked published. */
    public interface Mark<D> {

        /** The documents that wait for publication. */
        Criteria pending();

        /** The marking update's condition: it never moves a mark backwards. */
        Criteria unmarked(D document);

        /** Marks a document published. */
        Update marked(D document);

        /** Prefix of the relay's bookkeeping fields, so that two publications of one document keep theirs apart. */
        String prefix();

        /**
         * When the stored document still is what was sent, so that marking it leaves nothing of it
         * waiting: the mark then also removes {@link PublishedState#FIELD_PUBLISH_PENDING}. Empty
         * when the mark itself is what {@link #pending()} looks for.
         */
        default Optional<Criteria> settles(D document) {
            return Optional.empty();
        }
    }

    /** Sends the events of a document; answers why not when the broker did not acknowledge them all. */
    @FunctionalInterface
    public interface Sender<D> {
        Optional<String> send(D document);

        /** Sends the events of documents in order, answering for each; by default one after the other. */
        default List<Optional<String>> sendAll(List<D> documents) {
            return documents.stream().map(this::send).toList();
        }
    }

    private final String name;
    private final MongoTemplate mongo;
    private final Class<D> type;
    private final Function<D, String> id;
    private final Mark<D> mark;
    private final Sender<D> sender;
    private final Duration grace;
    private final Clock clock;
    /** When the broker last acknowledged one of these documents: evidence that it is up. */
    private volatile Instant lastSuccess;
    /** Documents saved but not yet acknowledged, parked ones aside, as the last relay run counted them. */
    private final AtomicLong backlog = new AtomicLong();

    /**
     * @param name  what is published, for the logs, the {@code relocmatch.relay.parked} counter and the
     *              {@code relocmatch.relay.backlog} gauge
     * @param grace how long a fresh save is left to its own publication before the relay takes it
     *              over, so that the relay does not race the request that saved it
     */
    public Publication(String name, MongoTemplate mongo, Class<D> type, Function<D, String> id, Mark<D> mark,
            Sender<D> sender, Duration grace, Clock clock) {
        this.name = name;
        this.mongo = mongo;
        this.type = type;
        this.id = id;
        this.mark = mark;
        this.sender = sender;
        this.grace = grace;
        this.clock = clock;
        Metrics.gauge("relocmatch.relay.backlog", Tags.of("type", name), backlog);
    }

    /**
     * A mark for a one-off publication: documents matching {@code when} whose boolean {@code field}
     * is false wait; publishing sets it.
     */
    public static <D> Mark<D> flag(String field, Criteria when) {
        return new Mark<>() {
            @Override
            public Criteria pending() {
                return new Criteria().andOperator(when, where(field).is(false));
            }

            @Override
            public Criteria unmarked(D document) {
                return where(field).ne(true);
            }

            @Override
            public Update marked(D document) {
                return new Update().set(field, true);
            }

            @Override
            public String prefix() {
                return field + "Relay.";
            }
        };
    }

    /** Publishes a document that was just saved; answers whether the broker acknowledged it. */
    public boolean publish(D document) {
        return send(document).isEmpty();
    }

    /**
     * Publishes documents that were just saved together, in order and all in flight at once, and
     * marks those the broker acknowledged in one write: one round trip to the broker and one to
     * MongoDB for them all instead of one each. Those it did not take wait for the relay, as a
     * single {@link #publish} that fails does. Answers how many were acknowledged.
     */
    public int publishAll(List<D> documents) {
        List<Optional<String>> errors;
        try {
            errors = sender.sendAll(documents);
        }
        catch (RuntimeException e) {
            errors = documents.stream().map(document -> Optional.of("cannot make the event: " + e)).toList();
        }
        List<D> acknowledged = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (errors.get(i).isEmpty()) {
                acknowledged.add(documents.get(i));
            }
        }
        if (!acknowledged.isEmpty()) {
            lastSuccess = clock.instant();
            BulkOperations settled = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, mongo.getCollectionName(type));
            acknowledged.forEach(document -> settled.updateOne(settling(document).orElse(markable(document)), settled(document)));
            if (settled.execute().getMatchedCount() < acknowledged.size()) {
                // some were saved again meanwhile (or marked by another run): their marks only move up
                BulkOperations marks = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, mongo.getCollectionName(type));
                acknowledged.forEach(document -> marks.updateOne(markable(document), marking(document)));
                marks.execute();
            }
        }
        return acknowledged.size();
    }

    private Optional<String> send(D document) {
        Optional<String> error = attempt(document);
        if (error.isEmpty()) {
            mark(document);
        }
        return error;
    }

    /**
     * Marks an acknowledged document: settled (nothing left waiting) when it is still as sent,
     * else only its mark moves up — a version saved meanwhile waits for its own publication.
     */
    private void mark(D document) {
        Optional<Query> settling = settling(document);
        if (settling.isPresent() && mongo.updateFirst(settling.get(), settled(document), mongo.getCollectionName(type))
                .getMatchedCount() > 0) {
            return;
        }
        mongo.updateFirst(markable(document), marking(document), mongo.getCollectionName(type));
    }

    private Optional<Query> settling(D document) {
        return mark.settles(document).map(still -> query(new Criteria().andOperator(where("_id").is(id.apply(document)),
                mark.unmarked(document), still)));
    }

    private Update settled(D document) {
        Update update = marking(document);
        return mark.settles(document).isPresent() ? update.unset(PublishedState.FIELD_PUBLISH_PENDING) : update;
    }

    /** Sends the document's events; answers why not when the broker did not take them all. */
    private Optional<String> attempt(D document) {
        Optional<String> error;
        try {
            error = sender.send(document);
        }
        catch (RuntimeException e) {
            error = Optional.of("cannot make the event: " + e);
        }
        if (error.isEmpty()) {
            lastSuccess = clock.instant();
        }
        return error;
    }

    private Query markable(D document) {
        return query(new Criteria().andOperator(where("_id").is(id.apply(document)), mark.unmarked(document)));
    }

    /** The mark, and the relay's bookkeeping cleared; applied by collection name: an update typed with the entity class would also bump its @Version. */
    private Update marking(D document) {
        Update update = mark.marked(document);
        for (String field : new String[] {PublishedState.FIELD_PUBLISH_FAILURES, PublishedState.FIELD_FIRST_PUBLISH_FAILURE_AT,
                PublishedState.FIELD_LAST_PUBLISH_ERROR, PublishedState.FIELD_PARKED}) {
            update.unset(field(field));
        }
        return update;
    }

    /**
     * Sends again every document that waits, oldest change first. A document that fails is counted
     * and the run goes on: one document the broker refuses (too large, not serialisable) never
     * holds back those behind it. After {@value #PARK_AFTER} failures, if the broker has taken other
     * documents since its first failure, it is parked — left out of later runs, logged with its
     * reason and counted in {@code relocmatch.relay.parked} for an operator to act on. Three
     * failures in a row end the run: an unreachable broker is retried at the next one, and then
     * nothing gets parked.
     */
    public int republishPending() {
        Query pending = query(new Criteria().andOperator(
                where(PublishedState.FIELD_UPDATED_AT).lt(clock.instant().minus(grace)),
                where(field(PublishedState.FIELD_PARKED)).ne(true),
                mark.pending()))
                .with(Sort.by(PublishedState.FIELD_UPDATED_AT))
                .limit(BATCH);
        int sent = 0;
        int failuresInARow = 0;
        for (D document : mongo.find(pending, type)) {
            Optional<String> error = send(document);
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
            log.info("Relay republished {} {} document(s)", sent, name);
        }
        backlog.set(mongo.count(query(new Criteria().andOperator(where(field(PublishedState.FIELD_PARKED)).ne(true),
                mark.pending())), mongo.getCollectionName(type)));
        return sent;
    }

    /** Documents that wait for publication (parked ones aside), as the last relay run counted them. */
    public long backlog() {
        return backlog.get();
    }

    /** How many documents the relay has parked for this publication. */
    public long parked() {
        return mongo.count(query(where(field(PublishedState.FIELD_PARKED)).is(true)), mongo.getCollectionName(type));
    }

    private void failed(D document, String error) {
        Document raw = mongo.getCollection(mongo.getCollectionName(type)).find(new Document("_id", id.apply(document))).first();
        Object count = raw == null ? null : raw.getEmbedded(List.of(field(PublishedState.FIELD_PUBLISH_FAILURES).split("\\.")), Object.class);
        int failures = 1 + (count instanceof Number n ? n.intValue() : 0);
        Object first = raw == null ? null
                : raw.getEmbedded(List.of(field(PublishedState.FIELD_FIRST_PUBLISH_FAILURE_AT).split("\\.")), Object.class);
        Instant firstFailure = first instanceof Date date ? date.toInstant() : clock.instant();
        boolean park = failures >= PARK_AFTER && lastSuccess != null && !lastSuccess.isBefore(firstFailure);
        Update update = new Update().set(field(PublishedState.FIELD_PUBLISH_FAILURES), failures)
                .set(field(PublishedState.FIELD_FIRST_PUBLISH_FAILURE_AT), firstFailure)
                .set(field(PublishedState.FIELD_LAST_PUBLISH_ERROR), error);
        if (park) {
            update.set(field(PublishedState.FIELD_PARKED), true);
            Metrics.counter("relocmatch.relay.parked", "type", name).increment();
            log.error("Relay parked {} {} after {} failed publications while the broker took others: {}",
                    name, id.apply(document), failures, error);
        }
        mongo.updateFirst(query(where("_id").is(id.apply(document))), update, mongo.getCollectionName(type));
    }

    private String field(String name) {
        return mark.prefix() + name;
    }
}
