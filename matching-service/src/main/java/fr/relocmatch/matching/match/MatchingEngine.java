package fr.relocmatch.matching.match;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.MatchScorer;
import fr.relocmatch.matching.domain.Supplier;
import fr.relocmatch.matching.domain.SupplierIndex;

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
    private final MatchScorer scorer;
    private final SupplierIndex index;
    private final MatchBook book;
    private final MatchingProperties properties;

    MatchingEngine(MatchBook book, MatchingProperties properties, Clock clock) {
        this.scorer = new MatchScorer(properties.weights(), clock);
        this.index = new SupplierIndex(scorer);
        this.book = book;
        this.properties = properties;
    }

    /**
     * Renumbers the index so that neighbouring profiles are contiguous ({@link SupplierIndex#compact}):
     * once the topics have been read at start, then every {@code relocmatch.matching.compact-interval},
     * since profiles changed or added since are appended. Takes about a second per million profiles.
     */
    @org.springframework.scheduling.annotation.Scheduled(
            fixedDelayString = "${relocmatch.matching.compact-interval:PT6H}",
            initialDelayString = "${relocmatch.matching.compact-interval:PT6H}")
    synchronized void compact() {
        long started = System.nanoTime();
        index.compact();
        log.info("Index of {} profiles compacted in {} ms", index.size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Takes a profile snapshot; older or repeated versions are ignored. */
    synchronized void onSupplier(Supplier supplier) {
        Supplier known = index.get(supplier.id());
        if (known != null && known.version() >= supplier.version()) {
            log.debug("Ignoring company {} v{}: v{} already known", supplier.id(), supplier.version(), known.version());
            return;
        }
        index.put(supplier);
        demands.values().stream()
                .filter(d -> scorer.passesGates(d, supplier) || known != null && scorer.passesGates(d, known))
                .forEach(this::rerank);
    }

    /** Forgets a deleted profile (a tombstone on the companies topic): its matches are withdrawn. */
    synchronized void onSupplierDeleted(String companyId) {
        Supplier known = index.get(companyId);
        if (known != null) {
            index.remove(companyId);
            demands.values().stream().filter(d -> scorer.passesGates(d, known)).forEach(this::rerank);
        }
    }

    /** Takes a demand snapshot; older or repeated versions are ignored. */
    synchronized void onDemand(Demand demand) {
        Demand known = demands.get(demand.id());
        if (known != null && known.version() >= demand.version()) {
            log.debug("Ignoring demand {} v{}: v{} already known", demand.id(), demand.version(), known.version());
            return;
        }
        demands.put(demand.id(), demand);
        rerank(demand);
    }

    private void rerank(Demand demand) {
        book.reconcile(demand, index.rank(demand, properties.topK(), properties.minScore()));
    }
}
