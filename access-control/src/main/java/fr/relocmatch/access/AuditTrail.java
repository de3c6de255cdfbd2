package fr.relocmatch.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Who changed what and when, for a région admin to read (accountability for personal data): each
 * profile edit, erasure, import, demand change, decision and directory change, with the caller
 * of the token (or the partner of a Kafka message, or the adviser of a signed link). Kept in the
 * service's own database, collection {@code audit_trail}; written right after the change it
 * records, so a crash between the two can lose the record, never the change.
 */
public class AuditTrail {

    static final String COLLECTION = "audit_trail";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String region;

    public AuditTrail(MongoTemplate mongo, Clock clock, String region) {
        this.mongo = mongo;
        this.clock = clock;
        this.region = region;
    }

    /** One change. */
    public record Entry(String id, Instant at, String region, String actor, String actorEmail, String via,
            String action, String resource, String resourceId, String detail) {
    }

    /** A change by the caller of the current request. */
    public void record(String action, String resource, String resourceId, String detail) {
        Caller caller = Caller.current();
        save(caller.has(Role.PARTNER) ? caller.partner() : caller.subject(), caller.email(), "api", action, resource,
                resourceId, detail);
    }

    /** A change made otherwise: a partner's Kafka message ({@code via} "kafka"), a signed link ("link"). */
    public void recordAs(String actor, String via, String action, String resource, String resourceId, String detail) {
        save(actor, null, via, action, resource, resourceId, detail);
    }

    private void save(String actor, String email, String via, String action, String resource, String resourceId,
            String detail) {
        mongo.insert(new Entry(UUID.randomUUID().toString(), clock.instant(), region, actor, email, via, action,
                resource, resourceId, detail), COLLECTION);
    }

    /** The newest first, at most {@code limit}, of one resource when given. */
    public List<Entry> read(String resourceId, int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "at")).limit(limit);
        if (resourceId != null) {
            query.addCriteria(Criteria.where("resourceId").is(resourceId));
        }
        return mongo.find(query, Entry.class, COLLECTION);
    }
}
