package fr.relocmatch.notification.email;

import fr.relocmatch.access.InstanceRegion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.UUID;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;

import fr.relocmatch.notification.adviser.Adviser;
import fr.relocmatch.notification.adviser.AdviserDirectory;
import fr.relocmatch.notification.adviser.Delivery;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import fr.relocmatch.observability.TraceIds;

import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Records, then sends, one e-mail per adviser in charge of a proposed match. The record comes
 * first and its unique key stops any second send for the same (recipient, match, version). The
 * Kafka consumer only ever makes one guarded attempt: a send that fails for a transient reason, or
 * finds the SMTP circuit open, stays PENDING in MongoDB (the durable queue) and is retried by
 * {@link #retryPending()} with a growing delay until it is sent or given up.
 */
@Service
class Notifier {

    /** Pending e-mails looked up at a time by a retry run. */
    static final int BATCH = 100;

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final NotificationRepository repository;
    private final MongoTemplate mongo;
    /** Who holds a lease: this instance, for this run of the JVM. */
    private final String instance = UUID.randomUUID().toString();
    /** Outcomes of e-mails sent while the database could not record them, by record id, in order. */
    private final Map<String, NotificationDocument> unrecorded = Collections
            .synchronizedMap(new LinkedHashMap<>());
    private final MatchEmailComposer composer;
    private final EmailLinks links;
    private final SmtpGateway smtp;
    private final AdviserDirectory directory;
    private final NotificationOutcomes outcomes;
    private final NotificationProperties properties;
    private final Clock clock;
    /** This instance's région: only its advisers are e-mailed (see {@link MatchNotice#recipientsIn}). */
    private final String region;
    private final TraceIds traces;
    private final ObservationRegistry observations;
    /** E-mails waiting to be sent (PENDING), as the last retry run counted them. */
    private final AtomicLong pendingCount = new AtomicLong();

    /**
     * Shows {@code relocmatch.notification.emails} (attempts by outcome: sent, failed, retry,
     * deferred), {@code relocmatch.notification.pending} and, through {@code observations},
     * {@code relocmatch.notification.smtp} (each hand-over to the SMTP server: a timer and a span of
     * the trace that recorded the e-mail).
     */
    Notifier(NotificationRepository repository, MongoTemplate mongo, MatchEmailComposer composer, EmailLinks links, SmtpGateway smtp,
            AdviserDirectory directory, NotificationOutcomes outcomes, NotificationProperties properties, Clock clock,
            InstanceRegion region, ObjectProvider<TraceIds> traces, ObjectProvider<ObservationRegistry> observations) {
        this.region = region.code();
        this.traces = traces.getIfAvailable(() -> TraceIds.NONE);
        this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
        Metrics.gauge("relocmatch.notification.pending", pendingCount);
        this.mongo = mongo;
        this.directory = directory;
        this.repository = repository;
        this.composer = composer;
        this.links = links;
        this.smtp = smtp;
        this.outcomes = outcomes;
        this.properties = properties;
        this.clock = clock;
    }

    void matchProposed(MatchNotice notice) {
        notify(notice, notice.recipientsIn(region), MatchEmailComposer.Kind.PROPOSED);
    }

    /**
     * A confidential demand's match was accepted: the supplier's adviser learns who the buyer is.
     * Sent whatever the adviser's minimum score, since an adviser has already taken the match.
     */
    void buyerDisclosed(MatchNotice notice) {
        if (notice.buyerName() == null) {
            log.warn("Disclosure of match {} names no buyer: no e-mail", notice.matchId());
            return;
        }
        notify(notice, notice.supplierAdviserIn(region), MatchEmailComposer.Kind.BUYER_DISCLOSED);
    }

    /**
     * A demand with a named buyer had its match accepted: the supplier's adviser, who has the
     * company to call, is told (the demand's adviser took the decision). A confidential demand's
     * acceptance is told by the disclosure that follows it instead.
     */
    void matchAccepted(MatchNotice notice) {
        if (notice.buyerName() == null) {
            log.debug("Match {} accepted on a confidential demand: its disclosure tells the supplier's adviser",
                    notice.matchId());
            return;
        }
        notify(notice, notice.supplierAdviserIn(region), MatchEmailComposer.Kind.ACCEPTED);
    }

    /**
     * A demand the supplier was proposed for or accepted with ended (fulfilled, cancelled, expired):
     * its adviser reads it in their next daily digest — whatever their delivery, unless they asked
     * for no e-mail — once per match.
     */
    void demandClosed(MatchNotice notice) {
        notify(notice, notice.supplierAdviserIn(region), MatchEmailComposer.Kind.DEMAND_CLOSED);
    }

    /**
     * A reminder for the supplier's adviser (stale profile, expiring certificate): into their next
     * daily digest, with the link the company confirms its profile by — unless they asked for no
     * e-mail; once per reminder.
     */
    void reminder(ReminderNotice notice) {
        for (String recipient : notice.recipientsIn(region)) {
            Adviser adviser = directory.preferencesOf(recipient);
            if (adviser.delivery() == Delivery.NONE) {
                continue;
            }
            try {
                repository.insert(NotificationDocument.reminder(recipient, notice, composer.reminder(notice, adviser.locale()),
                        links.confirmProfile(notice.companyId()), adviser.language(), clock.instant()));
            }
            catch (DuplicateKeyException toldAlready) {
                log.debug("Reminder {}: told already", notice.reminderId());
            }
        }
    }

    private void notify(MatchNotice notice, List<String> recipients, MatchEmailComposer.Kind kind) {
        for (String recipient : recipients) {
            Adviser adviser = directory.preferencesOf(recipient);
            if (adviser.delivery() == Delivery.NONE
                    || kind == MatchEmailComposer.Kind.PROPOSED && notice.score() < adviser.minScore()) {
                log.debug("No e-mail to an adviser for match {}: {} / minimum score {}", notice.matchId(),
                        adviser.delivery(), adviser.minScore());
                continue;
            }
            ComposedEmail email = composer.compose(notice, kind, recipient, adviser.locale());
            NotificationDocument notification = adviser.delivery() == Delivery.DAILY_DIGEST || kind.digestOnly()
                    ? NotificationDocument.forDigest(recipient, kind.name(), notice, email, adviser.language(), clock.instant())
                    : new NotificationDocument(recipient, kind.name(), notice, email, adviser.language(), clock.instant());
            leaseNew(notification);
            traces.currentParent().ifPresent(notification::tracedBy);
            try {
                repository.insert(notification);
            }
            catch (DuplicateKeyException alreadyRecorded) {
                log.debug("Match {} v{}: its advisers were told already", notice.matchId(), notice.version());
                continue;
            }
            if (notification.getStatus() == NotificationStatus.PENDING) {
                attempt(notification);
            }
        }
    }

    /**
     * Tries again every pending e-mail whose next attempt is due and that nobody holds: each is
     * claimed first, so any number of instances and overlapping runs send it once. A backlog (after
     * an SMTP outage, a crash) goes out in this run, {@value #BATCH} at a time, as fast as the rate
     * limit lets it — not {@value #BATCH} per interval — until nothing is due, an attempt fails or is
     * put off (the server is still unwell: the next run tries again), or the run has lasted a retry
     * interval (the next run goes on, and the other scheduled work gets its turn).
     */
    @Scheduled(fixedDelayString = "${relocmatch.notification.retry-interval:PT30S}",
            initialDelayString = "${relocmatch.notification.retry-interval:PT30S}")
    void retryPending() {
        recordOutcomes();
        pendingCount.set(mongo.count(new Query(where("status").is(NotificationStatus.PENDING)), NotificationDocument.class));
        Instant until = clock.instant().plus(properties.retryInterval());
        boolean more = true;
        while (more && clock.instant().isBefore(until)) {
            Query due = new Query(claimable(clock.instant())).with(Sort.by("nextAttemptAt")).limit(BATCH);
            due.fields().include("_id");
            List<NotificationDocument> batch = mongo.find(due, NotificationDocument.class);
            more = batch.size() == BATCH;
            for (NotificationDocument candidate : batch) {
                if (unrecorded.containsKey(candidate.getId())) {
                    continue; // sent already; its outcome waits for the database
                }
                Optional<NotificationDocument> claimed = claim(candidate.getId());
                claimed.ifPresent(this::attempt);
                if (claimed.isPresent() && claimed.get().getStatus() != NotificationStatus.SENT) {
                    more = false;
                }
            }
        }
    }

    /**
     * Takes the lease of a pending e-mail that is due and free (never leased, or its lease ran out:
     * its claimant died), in one atomic {@code findAndModify}; empty when another got it first.
     */
    Optional<NotificationDocument> claim(String id) {
        Instant now = clock.instant();
        return Optional.ofNullable(mongo.findAndModify(new Query(where("_id").is(id).andOperator(claimable(now))),
                new Update().set("leaseOwner", instance).set("leaseUntil", now.plus(properties.lease())),
                FindAndModifyOptions.options().returnNew(true), NotificationDocument.class));
    }

    /** Marks a record about to be inserted as claimed by this instance: its inserter sends it. */
    void leaseNew(NotificationDocument notification) {
        notification.leasedTo(instance, clock.instant().plus(properties.lease()));
    }

    private static Criteria claimable(Instant now) {
        return where("status").is(NotificationStatus.PENDING).and("nextAttemptAt").lte(now)
                .orOperator(where("leaseUntil").is(null), where("leaseUntil").lt(now));
    }

    /** One guarded attempt, in the trace that recorded the e-mail. */
    void attempt(NotificationDocument notification) {
        traces.within(notification.getTraceParent(), "e-mail attempt", () -> {
            attemptNow(notification);
            return null;
        });
    }

    private void attemptNow(NotificationDocument notification) {
        Instant now = clock.instant();
        try {
            Observation.createNotStarted("relocmatch.notification.smtp", observations).contextualName("smtp send")
                    .lowCardinalityKeyValue("kind", notification.isDigest() ? "digest" : "instant")
                    .observe(() -> smtp.send(notification));
            notification.sent(now);
            counted("sent");
            log.info("E-mail {} sent for match {} v{}", notification.getId(), notification.getMatchId(),
                    notification.getMatchVersion());
        }
        catch (CallNotPermittedException | RequestNotPermitted notNow) {
            // Circuit open or rate limit reached: not an attempt, try again at the next run.
            notification.deferred(notNow.getMessage(), now.plus(properties.retryInterval()));
            counted("deferred");
        }
        catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (MatchMailer.isPermanent(e)) {
                notification.failed(error, now);
                counted("failed");
                log.warn("E-mail {} for match {} refused for good: {}", notification.getId(),
                        notification.getMatchId(), error);
            }
            else if (notification.getCreatedAt().plus(properties.giveUpAfter()).isBefore(now)) {
                notification.failed("gave up after " + properties.giveUpAfter() + ": " + error, now);
                counted("failed");
            }
            else {
                notification.attemptFailed(error, now, now.plus(backoff(notification.getAttempts())));
                counted("retry");
                log.warn("E-mail {} for match {} not sent (attempt {}), will retry: {}", notification.getId(),
                        notification.getMatchId(), notification.getAttempts() + 1, error);
            }
        }
        record(notification);
    }

    /**
     * Stores what became of an attempt. When the database cannot take the outcome of an e-mail the
     * SMTP server accepted, the outcome is kept here and written as soon as the database answers
     * (before the next retry run claims anything, and every {@code record-interval}): the lease
     * this instance holds keeps others from sending it meanwhile, so an outage shorter than the
     * lease sends nothing twice.
     */
    private void record(NotificationDocument notification) {
        NotificationDocument saved;
        try {
            saved = repository.save(notification);
        }
        catch (DataAccessException e) {
            if (notification.getStatus() == NotificationStatus.PENDING) {
                throw e; // not sent: the record stays PENDING, claimed again once its lease runs out
            }
            unrecorded.put(notification.getId(), notification);
            log.warn("E-mail {} for match {} is {} but the database did not take it ({}); recording it again shortly",
                    notification.getId(), notification.getMatchId(), notification.getStatus(), e.getMessage());
            return;
        }
        unrecorded.remove(notification.getId());
        if (saved.getStatus() != NotificationStatus.PENDING) {
            if (saved.isDigest()) {
                digestDelivered(saved);
            }
            else {
                outcomes.publish(saved);
            }
        }
    }

    /** Writes the outcomes the database could not take when they happened, oldest first; stops at the first refusal. */
    @Scheduled(fixedDelayString = "${relocmatch.notification.record-interval:PT2S}")
    synchronized void recordOutcomes() {
        List<NotificationDocument> waiting;
        synchronized (unrecorded) {
            waiting = List.copyOf(unrecorded.values());
        }
        for (NotificationDocument notification : waiting) {
            record(notification);
            if (unrecorded.containsKey(notification.getId())) {
                return; // the database is still away
            }
        }
    }

    /** The items of a digest share its fate; each gets its own outcome event. */
    private void digestDelivered(NotificationDocument digest) {
        for (NotificationDocument item : repository.findAllById(digest.getDigestItems())) {
            item.deliveredBy(digest);
            outcomes.publish(repository.save(item));
        }
    }

    private static void counted(String outcome) {
        Metrics.counter("relocmatch.notification.emails", "outcome", outcome).increment();
    }

    private Duration backoff(int attemptsSoFar) {
        Duration delay = properties.retryInterval().multipliedBy(1L << Math.min(attemptsSoFar, 10));
        return delay.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : delay;
    }
}
