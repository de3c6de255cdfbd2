package fr.relocmatch.matching.domain;

import java.util.Collection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeSet;

import fr.relocmatch.matching.domain.ScoreFormula.Part;

/**
 * Scores suppliers against a demand: hard gates first, then a weighted score whose parts explain
 * themselves, then the best {@code k} above a floor.
 *
 * <p>Gates: demand open; supplier active (and consenting); not the buyer itself (same company id
 * or SIREN); every required process offered; every required certification valid at the start date;
 * within the radius or in an allowed région.
 */
public final class MatchScorer {

    /** Best score first; ties by supplier id, so that every way of ranking gives the same order. */
    public static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingDouble((Candidate c) -> c.score().value()).reversed()
            .thenComparing(c -> c.supplier().id());

    private final Weights weights;
    private final Clock clock;

    public MatchScorer(Weights weights, Clock clock) {
        this.weights = weights;
        this.clock = clock;
    }

    public Weights weights() {
        return weights;
    }

    /** The day freshness and certification validity are judged on when the demand gives no start date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Whether the pair passes every hard gate. */
    public boolean passesGates(Demand demand, Supplier supplier) {
        return gate(demand, supplier, false) == null;
    }

    /** The first hard gate the pair fails, in words for the adviser; empty when it passes them all. */
    public Optional<String> failedGate(Demand demand, Supplier supplier) {
        return Optional.ofNullable(gate(demand, supplier, true));
    }

    /** Null when every gate passes; otherwise why not, in words when {@code explain}, else "". */
    private String gate(Demand demand, Supplier supplier, boolean explain) {
        if (!demand.open()) {
            return explain ? "the demand is no longer open" : "";
        }
        if (!supplier.active()) {
            return explain ? "the profile is inactive or no longer consents to matching" : "";
        }
        if (supplier.id().equals(demand.buyerCompanyId())
                || demand.buyerSiren() != null && demand.buyerSiren().equals(supplier.siren())) {
            return explain ? "the supplier is an establishment of the buyer itself" : "";
        }
        if (demand.reach() == Demand.Reach.RADIUS && demand.site().distanceKm(supplier.site()) > demand.maxDistanceKm()) {
            return explain ? String.format(Locale.ROOT, "the site is %.0f km away, beyond the %d km allowed",
                    demand.site().distanceKm(supplier.site()), demand.maxDistanceKm()) : "";
        }
        if (demand.reach() == Demand.Reach.REGIONS && !demand.regions().contains(supplier.regionCode())) {
            return explain ? "the site is in région " + supplier.regionCode() + ", not in " + new TreeSet<>(demand.regions()) : "";
        }
        if (!supplier.processes().containsAll(demand.requiredProcesses())) {
            if (!explain) {
                return "";
            }
            TreeSet<String> lacking = new TreeSet<>(demand.requiredProcesses());
            lacking.removeAll(supplier.processes());
            return "no longer offers the required processes " + lacking;
        }
        Optional<Supplier.DemandKind> declined = supplier.notInterestedIn(demand);
        if (declined.isPresent()) {
            return explain ? "its adviser marked it not interested in demands requiring " + declined.get().process()
                    + (declined.get().sector() == null ? "" : " for " + declined.get().sector()) : "";
        }
        LocalDate start = startDate(demand);
        // in code order when it is said in words; as they come on the hot path
        for (String certification : explain ? new TreeSet<>(demand.requiredCertifications()) : demand.requiredCertifications()) {
            Supplier.Validity validity = supplier.certifications().get(certification);
            if (validity == null || !validity.covers(start)) {
                return !explain ? "" : validity == null ? "does not hold the required " + certification
                        : certification + " is not valid at the start date " + start;
            }
        }
        Demand.Volume volume = demand.annualVolume();
        Supplier.Capacity capacity = supplier.capacity();
        if (volume != null && capacity != null && capacity.unit().equals(volume.unit())
                && PartValues.belowMinimumCoverage(capacity.available(), volume.quantity(), volume.minimumCoverage())) {
            return explain ? "free capacity covers " + PartValues.percent(capacity.available() / volume.quantity())
                    + " of the annual volume, under the demand's minimum of " + PartValues.percent(volume.minimumCoverage()) : "";
        }
        return null;
    }

    /** The formula of a demand: which parts apply, with this scorer's weights. */
    public ScoreFormula formula(Demand demand) {
        return ScoreFormula.of(demand, weights);
    }

    /**
     * The score of one pair with its explanation, or empty when a hard gate fails: each part that
     * applies, valued and said in words, combined by the demand's {@link ScoreFormula}.
     */
    public Optional<Score> score(Demand demand, Supplier supplier) {
        if (!passesGates(demand, supplier)) {
            return Optional.empty();
        }
        ScoreFormula formula = formula(demand);
        Explained parts = new Explained(formula);
        if (formula.applies(Part.PREFERRED_PROCESSES)) {
            TreeSet<String> offered = new TreeSet<>(demand.preferredProcesses());
            offered.retainAll(supplier.processes());
            TreeSet<String> lacking = new TreeSet<>(demand.preferredProcesses());
            lacking.removeAll(offered);
            parts.add(Part.PREFERRED_PROCESSES, PartValues.coverage(offered.size(), demand.preferredProcesses().size()),
                    lacking.isEmpty() ? "offers every preferred process " + offered
                            : offered.isEmpty() ? "offers none of the preferred processes " + lacking
                                    : "offers " + offered + "; lacks " + lacking,
                    "preferredProcesses." + (lacking.isEmpty() ? "all" : offered.isEmpty() ? "none" : "some"),
                    Map.of("offeredProcesses", String.join("|", offered), "lackingProcesses", String.join("|", lacking)));
        }
        if (formula.applies(Part.NAF_PROXIMITY)) {
            String best = demand.targetNafCodes().getFirst();
            for (String target : demand.targetNafCodes()) {
                if (PartValues.nafProximity(supplier.nafCode(), target) > PartValues.nafProximity(supplier.nafCode(), best)) {
                    best = target;
                }
            }
            double proximity = PartValues.nafProximity(supplier.nafCode(), best);
            parts.add(Part.NAF_PROXIMITY, proximity, nafNote(supplier.nafCode(), best, proximity),
                    "nafProximity." + (proximity == 1 ? "within" : proximity == 0 ? "outside" : proximity == 0.75 ? "class"
                            : proximity == 0.5 ? "group" : "division"),
                    Map.of("naf", supplier.nafCode(), "target", best));
        }
        if (formula.applies(Part.CAPACITY)) {
            capacityPart(parts, demand.annualVolume(), supplier.capacity());
        }
        double distanceKm = demand.site() == null ? 0 : demand.site().distanceKm(supplier.site());
        String km = String.format(Locale.ROOT, "%.0f", distanceKm);
        parts.add(Part.DISTANCE, PartValues.distance(demand.reach(), demand.site() != null, distanceKm, demand.maxDistanceKm()),
                switch (demand.reach()) {
                    case RADIUS -> String.format(Locale.ROOT, "%.0f km of %d km allowed", distanceKm, demand.maxDistanceKm());
                    case REGIONS -> demand.site() == null ? "in allowed région " + supplier.regionCode()
                            : String.format(Locale.ROOT, "%.0f km from the delivery site, in allowed région %s", distanceKm,
                                    supplier.regionCode());
                    case NATIONWIDE -> demand.site() == null ? "nationwide demand, no delivery site"
                            : String.format(Locale.ROOT, "%.0f km from the delivery site", distanceKm);
                }, "distance." + switch (demand.reach()) {
                    case RADIUS -> "radius";
                    case REGIONS -> demand.site() == null ? "regionOnly" : "region";
                    case NATIONWIDE -> demand.site() == null ? "nationwideNoSite" : "nationwide";
                }, Map.of("km", km, "maxKm", String.valueOf(demand.maxDistanceKm()), "region",
                        String.valueOf(supplier.regionCode())));
        if (formula.applies(Part.SECTOR)) {
            boolean serves = supplier.sectors().contains(demand.sector());
            parts.add(Part.SECTOR, serves ? 1 : 0, serves ? "serves " + demand.sector()
                    : supplier.sectors().isEmpty() ? "no sector declared; the demand is for " + demand.sector()
                            : "serves " + new TreeSet<>(supplier.sectors()) + ", not " + demand.sector(),
                    "sector." + (serves ? "serves" : supplier.sectors().isEmpty() ? "noneDeclared" : "other"),
                    Map.of("sector", String.valueOf(demand.sector()), "sectors", String.join("|",
                            new TreeSet<>(supplier.sectors().stream().map(String::valueOf).toList()))));
        }
        boolean ofg = supplier.labels().contains("OFG");
        boolean epv = supplier.labels().contains("EPV");
        parts.add(Part.LABELS, PartValues.labels(ofg, epv), ofg && epv
                ? "Origine France Garantie and Entreprise du patrimoine vivant" : ofg ? "Origine France Garantie"
                        : epv ? "Entreprise du patrimoine vivant" : "no label",
                "labels." + (ofg && epv ? "both" : ofg ? "ofg" : epv ? "epv" : "none"), Map.of());
        long days = supplier.lastConfirmed() == null ? -1 : ChronoUnit.DAYS.between(supplier.lastConfirmed(), today());
        parts.add(Part.FRESHNESS, PartValues.freshness(days), days < 0 ? "profile never confirmed"
                : days < 31 ? "profile confirmed this month" : "profile confirmed " + Math.round(days / 30.44) + " months ago",
                "freshness." + (days < 0 ? "never" : days < 31 ? "thisMonth" : "months"),
                Map.of("months", String.valueOf(Math.round(days / 30.44))));
        if (formula.applies(Part.CERTIFICATIONS)) {
            certificationsPart(parts, demand, supplier);
        }
        return Optional.of(new Score(formula.score(parts.values), parts.list,
                demand.site() == null ? null : PartValues.round(distanceKm)));
    }

    /** The parts of one pair as they are explained, and their values for the formula. */
    private static final class Explained {

        private final ScoreFormula formula;
        final List<ScorePart> list = new ArrayList<>(8);
        final double[] values = ScoreFormula.values();

        Explained(ScoreFormula formula) {
            this.formula = formula;
        }

        void add(Part part, double value, String note, String noteKey, Map<String, String> facts) {
            values[part.ordinal()] = value;
            list.add(new ScorePart(part.key(), PartValues.round(value), formula.weight(part), note, noteKey, facts));
        }
    }

    private static void capacityPart(Explained parts, Demand.Volume volume, Supplier.Capacity capacity) {
        if (capacity == null) {
            parts.add(Part.CAPACITY, PartValues.NOT_DECLARED, "capacity not declared", "capacity.notDeclared", Map.of());
            return;
        }
        if (!capacity.unit().equals(volume.unit())) {
            parts.add(Part.CAPACITY, PartValues.NOT_DECLARED, "capacity in " + capacity.unit() + ", volume in "
                    + volume.unit() + ": not comparable", "capacity.notComparable",
                    Map.of("capacityUnit", String.valueOf(capacity.unit()), "volumeUnit", String.valueOf(volume.unit())));
            return;
        }
        double value = PartValues.capacity(capacity.available(), volume.quantity());
        double ratio = capacity.available() / volume.quantity();
        String note = ratio < 1 ? "available capacity covers " + PartValues.percent(ratio) + " of the annual volume (minimum "
                + PartValues.percent(volume.minimumCoverage()) + ")"
                : ratio <= PartValues.CAPACITY_COMFORT
                        ? String.format(Locale.ROOT, "available capacity %.1f× the annual volume", ratio)
                        : String.format(Locale.ROOT, "available capacity %.0f× the annual volume: a small account for it", ratio);
        String key = ratio < 1 ? "capacity.covers" : ratio <= PartValues.CAPACITY_COMFORT ? "capacity.times" : "capacity.small";
        parts.add(Part.CAPACITY, value, note, key, Map.of("coverage", PartValues.percent(ratio), "minimum",
                PartValues.percent(volume.minimumCoverage()), "times", String.format(Locale.ROOT,
                        ratio <= PartValues.CAPACITY_COMFORT ? "%.1f" : "%.0f", ratio)));
    }

    /** Gates ensure validity at the start date; this part weighs the renewal risk over the first year. */
    private void certificationsPart(Explained parts, Demand demand, Supplier supplier) {
        LocalDate yearIn = startDate(demand).plusYears(1);
        List<String> expiring = new ArrayList<>();
        List<String> expiringFacts = new ArrayList<>();
        for (String code : new TreeSet<>(demand.requiredCertifications())) {
            Supplier.Validity validity = supplier.certifications().get(code);
            if (!validity.covers(yearIn)) {
                expiring.add(code + " expires " + validity.until() + ", before a year of production");
                expiringFacts.add(code + "@" + validity.until());
            }
        }
        parts.add(Part.CERTIFICATIONS, PartValues.renewal(expiring.size(), demand.requiredCertifications().size()),
                expiring.isEmpty() ? "every required certification valid a year after the start date" : String.join("; ", expiring),
                expiring.isEmpty() ? "certifications.allValid" : "certifications.expiring",
                Map.of("expiring", String.join("|", expiringFacts)));
    }

    private static String nafNote(String naf, String target, double proximity) {
        if (proximity == 1) {
            return naf + " within target " + target;
        }
        if (proximity == 0) {
            return naf + " outside target " + target;
        }
        String level = proximity == 0.75 ? "class" : proximity == 0.5 ? "group" : "division";
        return naf + " shares the " + level + " of target " + target;
    }

    private LocalDate startDate(Demand demand) {
        return demand.startDate() != null ? demand.startDate() : today();
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
        return ranked(kept);
    }

    /** Ranks 1..n, best first, of the candidates kept. */
    public static List<Candidate> ranked(Collection<Candidate> kept) {
        List<Candidate> best = new ArrayList<>(kept);
        best.sort(BEST_FIRST);
        List<Candidate> ranked = new ArrayList<>(best.size());
        for (int i = 0; i < best.size(); i++) {
            ranked.add(new Candidate(best.get(i).supplier(), best.get(i).score(), i + 1));
        }
        return ranked;
    }
}
