package fr.relocmatch.matching.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.scheduling.annotation.Scheduled;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.relocmatch.matching.domain.Candidate;
import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.MatchScorer;
import fr.relocmatch.matching.domain.Supplier;
import fr.relocmatch.matching.domain.SupplierIndex;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the latest known version of every profile (in the columnar {@link SupplierIndex}) and
 * demand in memory, rebuilt from the compacted topics at start, and re-ranks the demands a change
 * touches: a changed demand against the index; a changed profile through every open demand it
 * passes (or passed) the gates of — reverse matching.
 */
@Service
class MatchingEngine {

    private static final Logger log = LoggerFactory.getLogger(MatchingEngine.class);

    private final Map<String, Demand> demands = new LinkedHashMap<>();
    /** Demands to re-rank, kept until their ranking is stored: a failure leaves them here. */
    private final Set<String> pending = new LinkedHashSet<>();
    /** False while the topics are replayed at start: state is taken in, nothing is decided. */
    private boolean live;
    /** The demands partition each known demand came from, and the assigned partitions still being read. */
    private final Map<String, Integer> partitionOf = new HashMap<>();
    private final Set<Integer> replaying = new HashSet<>();
    private final Clock clock;
    /** Scores with the weights the région applied, version {@link #weightsVersion}. */
    private MatchScorer scorer;
    private int weightsVersion;
    private final SupplierIndex index;
    private final MatchBook book;
    private final WeightsBook weights;
    private final MatchingProperties properties;
    private final ObservationRegistry observations;
    /** Profiles in the index, as of its last change: what the gauge reads without taking the engine's lock. */
    private volatile int indexed;

    /**
     * Shows {@code relocmatch.matching.profiles} (profiles in the index) and, through {@code observations},
     * {@code relocmatch.matching.ranking} (time to rank one demand, a histogram, and a span of the
     * record's trace).
     */
    MatchingEngine(MatchBook book, WeightsBook weights, MatchingProperties properties, Clock clock,
            ObservationRegistry observations) {
        this.clock = clock;
        this.weights = weights;
        this.scorer = new MatchScorer(properties.weights(), clock);
        this.index = new SupplierIndex(scorer);
        this.book = book;
        this.properties = properties;
        this.observations = observations;
        Metrics.gauge("relocmatch.matching.profiles", this, engine -> engine.indexed);
    }

    /**
     * Renumbers the index so that neighbouring profiles are contiguous ({@link SupplierIndex#compact}):
     * once the topics have been read at start, then every {@code relocmatch.matching.compact-interval},
     * since profiles changed or added since are appended. Takes about a second per million profiles.
     */
    @Scheduled(
            fixedDelayString = "${relocmatch.matching.compact-interval:PT6H}",
            initialDelayString = "${relocmatch.matching.compact-interval:PT6H}")
    synchronized void compact() {
        long started = System.nanoTime();
        index.compact();
        log.info("Index of {} profiles compacted in {} ms", index.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Takes a profile snapshot; older or repeated versions change nothing. The demands it touches
     * are re-ranked once the index is live; a re-ranking that failed (MongoDB unreachable, a lost
     * optimistic lock) stays pending, and is tried again when the record is redelivered — even
     * though its version is known by then — or by {@link #retryPending()}.
     */
    synchronized void onSupplier(Supplier supplier) {
        Supplier known = index.get(supplier.id());
        if (known != null && known.version() >= supplier.version()) {
            log.debug("Company {} v{}: v{} already known", supplier.id(), supplier.version(), known.version());
        }
        else {
            index.put(supplier);
            indexed = index.size();
            if (live) {
                demands.values().stream().filter(d -> !replaying(d.id()))
                        .filter(d -> scorer.passesGates(d, supplier) || known != null && scorer.passesGates(d, known))
                        .forEach(d -> pending.add(d.id()));
            }
        }
        rerankPending();
    }

    /** The SIRET of a profile the index holds, or null. */
    synchronized String siretOf(String companyId) {
        Supplier supplier = index.get(companyId);
        return supplier == null ? null : supplier.siret();
    }

    /** Forgets a deleted profile (a tombstone on the companies topic): its matches are withdrawn. */
    synchronized void onSupplierDeleted(String companyId) {
        Supplier known = index.get(companyId);
        if (known != null) {
            index.remove(companyId);
            indexed = index.size();
            if (live) {
                demands.values().stream().filter(d -> !replaying(d.id()) && scorer.passesGates(d, known))
                        .forEach(d -> pending.add(d.id()));
            }
        }
        rerankPending();
    }

    /**
     * Takes a snapshot of a demand of a partition this instance owns; older or repeated versions
     * change nothing (but pending work is retried).
     */
    synchronized void onDemand(Demand demand, int partition) {
        Demand known = demands.get(demand.id());
        if (known != null && known.version() >= demand.version()) {
            log.debug("Demand {} v{}: v{} already known", demand.id(), demand.version(), known.version());
        }
        else {
            demands.put(demand.id(), demand);
            partitionOf.put(demand.id(), partition);
            if (!replaying.contains(partition)) {
                pending.add(demand.id()); // otherwise ranked once its partition is read to its end
            }
        }
        rerankPending();
    }

    /** Demands partitions assigned to this instance: their demands arrive again from the beginning. */
    synchronized void demandPartitionsAssigned(Collection<Integer> partitions) {
        replaying.addAll(partitions);
    }

    /** A demands partition has been read up to where it ended when assigned: its demands are ranked now. */
    synchronized void demandPartitionCaughtUp(int partition) {
        if (replaying.remove(partition)) {
            partitionOf.forEach((id, p) -> {
                if (p == partition) {
                    pending.add(id);
                }
            });
            rerankPending();
        }
    }

    /** Demands partitions taken away: another instance ranks their demands now. */
    synchronized void demandPartitionsRevoked(Collection<Integer> partitions) {
        replaying.removeAll(partitions);
        List<String> gone = partitionOf.entrySet().stream().filter(e -> partitions.contains(e.getValue()))
                .map(Map.Entry::getKey).toList();
        gone.forEach(id -> {
            demands.remove(id);
            partitionOf.remove(id);
            pending.remove(id);
        });
    }

    /**
     * An adviser decided a match of the demand: it is ranked again without the decided pair (when
     * this instance owns the demand; otherwise its owner does at the demand's next change).
     */
    synchronized void decided(String demandId) {
        if (demands.containsKey(demandId)) {
            pending.add(demandId);
            rerankPending();
        }
    }

    /** Ids of the demands this instance owns and knows. */
    synchronized Set<String> demandIds() {
        return Set.copyOf(demands.keySet());
    }

    /**
     * The topics have been read up to where they ended at start: the index holds every profile and
     * the latest version of every demand. Only now are rankings decided — each demand once, against
     * what is stored, so a restart publishes only what really changed while the service was away
     * (not a withdrawal and a new proposal for every match, as replaying old snapshots one by one
     * would).
     */
    synchronized void goLive() {
        followAppliedWeights(); // before the first ranking: a restart does not rank with the configuration's
        compact();
        live = true;
        pending.addAll(demands.keySet());
        log.info("Index live: {} profiles, {} demands to check against their stored matches", index.size(), pending.size());
        rerankPending();
    }

    /**
     * Ranks with the weights the région applied, when a région admin applied others (here or on
     * another instance): every demand this instance owns is ranked again, and what changes goes
     * out as any change does. A MongoDB it cannot read leaves the weights as they are until the next check.
     */
    @Scheduled(fixedDelayString = "${relocmatch.matching.learning.check-interval:PT5S}")
    void followAppliedWeights() {
        WeightsBook.Applied applied;
        try {
            applied = weights.applied();
        }
        catch (org.springframework.dao.DataAccessException unreachable) {
            log.warn("The applied score weights could not be read; ranking with version {} meanwhile: {}", weightsVersion,
                    unreachable.getMessage());
            return;
        }
        useWeights(applied);
    }

    private synchronized void useWeights(WeightsBook.Applied applied) {
        if (applied.version() == weightsVersion && applied.weights().equals(scorer.weights())) {
            return;
        }
        log.info("Score weights: version {} → {}, {} demands to rank again", weightsVersion, applied.version(),
                live ? demands.size() : 0);
        scorer = new MatchScorer(applied.weights(), clock);
        index.scoreWith(scorer);
        weightsVersion = applied.version();
        if (live) {
            pending.addAll(demands.keySet());
            rerankPending();
        }
    }

    /** The version of the weights this instance ranks with. */
    synchronized int weightsVersion() {
        return weightsVersion;
    }

    /**
     * What suppliers' advisers should be reminded of on {@code today}: active profiles not confirmed
     * since {@code unconfirmedAfter} ago (all of the index: the caller keeps its région's), and
     * certificates expiring before the start of an open demand this instance owns, for suppliers
     * that would pass every gate of it were the certificate renewed.
     */
    synchronized List<ReminderDue> remindersDue(LocalDate today, Period unconfirmedAfter) {
        List<ReminderDue> due = new ArrayList<>();
        LocalDate staleFrom = today.minus(unconfirmedAfter);
        for (Supplier supplier : index.all()) {
            if (supplier.active() && (supplier.lastConfirmed() == null || !supplier.lastConfirmed().isAfter(staleFrom))) {
                due.add(ReminderDue.unconfirmed(supplier));
            }
        }
        Map<String, ReminderDue> certificates = new LinkedHashMap<>();
        for (Demand demand : demands.values()) {
            if (!demand.open() || demand.requiredCertifications().isEmpty() || replaying(demand.id())) {
                continue;
            }
            LocalDate start = demand.startDate() != null ? demand.startDate() : today;
            for (Supplier supplier : index.candidateProfiles(demand)) {
                Map<String, Supplier.Validity> renewed = new HashMap<>(supplier.certifications());
                List<String> expiring = demand.requiredCertifications().stream().sorted()
                        .filter(code -> supplier.certifications().get(code).until().isBefore(start)).toList();
                if (expiring.isEmpty()) {
                    continue;
                }
                expiring.forEach(code -> renewed.put(code, new Supplier.Validity(supplier.certifications().get(code).from(), start)));
                if (!scorer.passesGates(demand, supplier.withCertifications(renewed))) {
                    continue; // another gate keeps it out anyway
                }
                for (String code : expiring) {
                    certificates.computeIfAbsent(supplier.id() + "|" + code, key -> ReminderDue.certificate(supplier, code,
                            supplier.certifications().get(code).until())).demands().add(demand);
                }
            }
        }
        due.addAll(certificates.values());
        return due;
    }

    /** Re-ranks what a failure left pending, when no record comes to do it. */
    @Scheduled(fixedDelayString = "${relocmatch.matching.retry-interval:PT30S}")
    synchronized void retryPending() {
        if (live && !pending.isEmpty()) {
            log.info("Retrying {} pending re-rankings", pending.size());
            rerankPending();
        }
    }

    private boolean replaying(String demandId) {
        Integer partition = partitionOf.get(demandId);
        return partition != null && replaying.contains(partition);
    }

    private void rerankPending() {
        if (!live || pending.isEmpty()) {
            return;
        }
        for (String id : new ArrayList<>(pending)) {
            Demand demand = demands.get(id);
            if (demand != null && replaying(id)) {
                continue; // its partition is still being read: a later snapshot may be on its way
            }
            if (demand != null) {
                rerank(demand); // an exception leaves this one and the rest pending
            }
            pending.remove(id);
        }
    }

    private void rerank(Demand demand) {
        List<Candidate> ranked = Observation.createNotStarted("relocmatch.matching.ranking", observations)
                .contextualName("rank demand")
                .lowCardinalityKeyValue("reach", String.valueOf(demand.reach()))
                .observe(() -> index.rank(demand, properties.topK(), properties.minScore()));
        book.reconcile(demand, ranked, id -> whyLeftOut(demand, id), weightsVersion);
    }

    /** Why a supplier proposed before is not among the demand's candidates now: which gate, or the ranking. */
    private String whyLeftOut(Demand demand, String companyId) {
        Supplier supplier = index.get(companyId);
        if (supplier == null) {
            return "the company profile was deleted";
        }
        return scorer.failedGate(demand, supplier).orElseGet(() -> scorer.score(demand, supplier)
                .filter(score -> score.value() < properties.minScore())
                .map(score -> "the score " + score.value() + " is now under the minimum " + properties.minScore())
                .orElse("no longer among the " + properties.topK() + " best candidates"));
    }
}
