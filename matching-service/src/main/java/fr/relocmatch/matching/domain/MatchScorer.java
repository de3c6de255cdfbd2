package fr.relocmatch.matching.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * Scores suppliers against a demand: hard gates first, then a weighted score whose parts explain
 * themselves, then the best {@code k} above a floor.
 */
public final class MatchScorer {

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingDouble((Candidate c) -> c.score().value()).reversed()
            .thenComparing(c -> c.supplier().id());

    private final Weights weights;

    public MatchScorer(Weights weights) {
        this.weights = weights;
    }

    /** The score of one pair, or empty when a hard gate fails. */
    public Optional<Score> score(Demand demand, Supplier supplier) {
        if (!demand.open() || !supplier.active()) {
            return Optional.empty();
        }
        if (supplier.id().equals(demand.buyerCompanyId())
                || demand.buyerSiren() != null && demand.buyerSiren().equals(supplier.siren())) {
            return Optional.empty();
        }
        if (demand.reach() == Demand.Reach.RADIUS && demand.site().distanceKm(supplier.site()) > demand.maxDistanceKm()
                || demand.reach() == Demand.Reach.REGIONS && !demand.regions().contains(supplier.regionCode())) {
            return Optional.empty();
        }
        TreeSet<String> covered = new TreeSet<>(demand.requiredProcesses());
        covered.retainAll(supplier.processes());
        if (covered.isEmpty()) {
            return Optional.empty();
        }
        TreeSet<String> missing = new TreeSet<>(demand.requiredProcesses());
        missing.removeAll(covered);

        double coverage = (double) covered.size() / demand.requiredProcesses().size();
        String coverageNote = missing.isEmpty() ? "covers all " + covered.size() + " required processes"
                : "covers " + covered + "; missing " + missing;
        double distanceKm = demand.site() == null ? 0 : demand.site().distanceKm(supplier.site());
        double proximity = demand.reach() != Demand.Reach.RADIUS || demand.maxDistanceKm() == 0 ? 1
                : 1 - distanceKm / demand.maxDistanceKm();
        String distanceNote = switch (demand.reach()) {
            case RADIUS -> String.format(java.util.Locale.ROOT, "%.0f km of %d km allowed", distanceKm,
                    demand.maxDistanceKm());
            case REGIONS -> "in allowed région " + supplier.regionCode();
            case NATIONWIDE -> "nationwide demand";
        };

        List<ScorePart> parts = List.of(
                new ScorePart("processCoverage", round(coverage), weights.processCoverage(), coverageNote),
                new ScorePart("distance", round(proximity), weights.distance(), distanceNote));
        double total = parts.stream().mapToDouble(p -> p.value() * p.weight()).sum()
                / parts.stream().mapToDouble(ScorePart::weight).sum();
        return Optional.of(new Score(round(total), parts, round(distanceKm)));
    }

    /** The best {@code k} suppliers scoring at least {@code minScore}, best first. */
    public List<Candidate> rank(Demand demand, Iterable<Supplier> suppliers, int k, double minScore) {
        PriorityQueue<Candidate> kept = new PriorityQueue<>(BEST_FIRST.reversed());
        for (Supplier supplier : suppliers) {
            Optional<Score> score = score(demand, supplier);
            if (score.isEmpty() || score.get().value() < minScore) {
                continue;
            }
            kept.add(new Candidate(supplier, score.get(), 0));
            if (kept.size() > k) {
                kept.poll(); // drop the weakest: the heap never holds more than k + 1
            }
        }
        List<Candidate> best = new ArrayList<>(kept);
        best.sort(BEST_FIRST);
        List<Candidate> ranked = new ArrayList<>(best.size());
        for (int i = 0; i < best.size(); i++) {
            ranked.add(new Candidate(best.get(i).supplier(), best.get(i).score(), i + 1));
        }
        return ranked;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
