package fr.relocmatch.demand.relocation;

import fr.relocmatch.access.InstanceRegion;
import fr.relocmatch.contracts.events.EventIds;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.ProblemDetail;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.relocmatch.state.events.StatePublisher;
import fr.relocmatch.api.VersionTags;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

/** Creates, edits, moves through their lifecycle and searches relocation demands; every change is saved, then published. */
@Service
class Demands {

    private static final Logger log = LoggerFactory.getLogger(Demands.class);

    private final DemandRepository repository;
    private final MongoTemplate mongo;
    private final DemandValidator validator;
    private final StatePublisher<DemandDocument> publisher;
    private final Clock clock;
    /** This instance's région: it owns the demands taken here. */
    private final String region;

    Demands(DemandRepository repository, MongoTemplate mongo, DemandValidator validator,
            StatePublisher<DemandDocument> publisher, Clock clock,
            InstanceRegion region) {
        this.region = region.code();
        this.repository = repository;
        this.mongo = mongo;
        this.validator = validator;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Creates a DRAFT demand; it is matched once opened.
     *
     * @param submittedBy the partner submitting it, {@code null} for the région's own staff
     */
    DemandDocument create(DemandRequest request, String submittedBy) {
        ValidDemand valid = validator.validate(request);
        DemandDocument demand = new DemandDocument(UUID.randomUUID().toString(), region, clock.instant());
        demand.submittedBy(submittedBy);
        demand.describe(valid, clock.instant());
        DemandDocument saved = repository.insert(demand);
        publisher.publish(saved);
        return saved;
    }

    /**
     * A demand a partner published on the inbox, opened at once. The same message (source and
     * CloudEvents id) is one demand however often it is delivered: its id derives from them.
     */
    String submittedByPartner(DemandRequest request, String partnerSource, String messageId) {
        String id = EventIds.of("partner", partnerSource, messageId).toString();
        if (repository.existsById(id)) {
            return id;
        }
        ValidDemand valid = validator.validate(request);
        DemandDocument demand = new DemandDocument(id, region, clock.instant());
        demand.submittedBy(partnerSource);
        demand.describe(valid, clock.instant());
        demand.moveTo(DemandStatus.OPEN, "published by partner " + partnerSource, clock.instant());
        DemandDocument saved = repository.insert(demand);
        publisher.publish(saved);
        return saved.getId();
    }

    /** The région whose demands this instance takes. */
    String region() {
        return region;
    }

    /**
     * Replaces the content of a DRAFT or OPEN demand.
     *
     * @param expectedVersion the version the client edited ({@code If-Match}), or null
     */
    DemandDocument replace(String id, DemandRequest request, Long expectedVersion) {
        DemandDocument demand = get(id);
        VersionTags.check(demand.getId(), demand.getVersion(), expectedVersion, "Demand");
        if (!demand.getStatus().isEditable()) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, ProblemDetail
                    .forStatusAndDetail(HttpStatus.CONFLICT, "Demand " + id + " is " + demand.getStatus()
                            + "; only DRAFT and OPEN demands can be edited."), null);
        }
        demand.describe(validator.validate(request), clock.instant());
        return save(demand);
    }

    DemandDocument transition(String id, DemandStatus target, String reason, Long expectedVersion) {
        DemandDocument demand = get(id);
        VersionTags.check(demand.getId(), demand.getVersion(), expectedVersion, "Demand");
        demand.moveTo(target, reason, clock.instant());
        return save(demand);
    }

    /** An adviser accepted a match: an OPEN demand goes into discussion. Repeated decisions change nothing. */
    void matchAccepted(MatchDecided decision) {
        repository.findById(decision.demandId()).ifPresent(demand -> {
            // A confidential buyer is revealed to the accepted supplier's side (in the next event).
            boolean changed = demand.isConfidential()
                    && demand.disclose(decision.matchId(), decision.companyId(), clock.instant());
            if (demand.getStatus() == DemandStatus.OPEN) {
                demand.moveTo(DemandStatus.IN_DISCUSSION, "match " + decision.matchId() + " accepted", clock.instant());
                changed = true;
            }
            if (changed) {
                save(demand);
            }
        });
    }

    /** Expires every demand whose validity date has passed. */
    @Scheduled(cron = "${relocmatch.demands.expiry-cron:0 15 * * * *}")
    int expireOutdated() {
        LocalDate today = LocalDate.now(clock);
        Query outdated = new Query(where("validUntil").lt(today)
                .and("status").in(DemandStatus.DRAFT, DemandStatus.OPEN, DemandStatus.IN_DISCUSSION));
        int expired = 0;
        for (DemandDocument demand : mongo.find(outdated, DemandDocument.class)) {
            try {
                demand.moveTo(DemandStatus.EXPIRED, "validity ended on " + demand.getValidUntil(), clock.instant());
                save(demand);
                expired++;
            }
            catch (OptimisticLockingFailureException changedMeanwhile) {
                log.info("Demand {} changed while expiring; the next run looks again", demand.getId());
            }
        }
        if (expired > 0) {
            log.info("Expired {} demand(s) past their validity date", expired);
        }
        return expired;
    }

    Optional<DemandDocument> find(String id) {
        return repository.findById(id);
    }

    Page<DemandDocument> search(DemandStatus status, String buyerCompanyId, String process, String region,
            Pageable pageable) {
        Query query = new Query();
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        if (buyerCompanyId != null) {
            query.addCriteria(where("buyer.companyId").is(buyerCompanyId));
        }
        if (process != null) {
            query.addCriteria(new Criteria().orOperator(
                    where("requiredProcesses").is(process), where("preferredProcesses").is(process)));
        }
        if (region != null) {
            query.addCriteria(where("regions").is(region));
        }
        long total = mongo.count(query, DemandDocument.class);
        List<DemandDocument> page = mongo.find(query.with(pageable), DemandDocument.class);
        return new PageImpl<>(page, pageable, total);
    }

    private DemandDocument get(String id) {
        return repository.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No demand " + id));
    }

    private DemandDocument save(DemandDocument demand) {
        DemandDocument saved = repository.save(demand); // @Version: a concurrent save fails here
        publisher.publish(saved);
        return saved;
    }
}
