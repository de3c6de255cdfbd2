package fr.relocmatch.matching.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.DoubleStream;

import fr.relocmatch.matching.domain.ScoreFormula.Part;

/**
 * Relative weights of the score parts; they need not sum to 1. A part that does not apply to a
 * demand (no preferred process, no target NAF, no sector, no volume, no required certification)
 * is left out and the others share its weight.
 */
public record Weights(double preferredProcesses, double nafProximity, double capacity, double distance,
        double sector, double labels, double freshness, double certifications) {

    public Weights {
        if (DoubleStream.of(preferredProcesses, nafProximity, capacity, distance, sector, labels, freshness,
                certifications).anyMatch(w -> w < 0 || Double.isNaN(w))) {
            throw new IllegalArgumentException("weights must be non-negative");
        }
        if (distance + labels + freshness == 0) {
            throw new IllegalArgumentException("distance, labels and freshness apply to every pair: not all of them may be zero");
        }
    }

    /** The defaults of application.yml. */
    public static Weights defaults() {
        return new Weights(0.15, 0.15, 0.2, 0.25, 0.1, 0.05, 0.05, 0.05);
    }

    /** The weight of one part. */
    public double of(Part part) {
        return switch (part) {
            case PREFERRED_PROCESSES -> preferredProcesses;
            case NAF_PROXIMITY -> nafProximity;
            case CAPACITY -> capacity;
            case DISTANCE -> distance;
            case SECTOR -> sector;
            case LABELS -> labels;
            case FRESHNESS -> freshness;
            case CERTIFICATIONS -> certifications;
        };
    }

    /** Every part's weight, in {@link Part}'s order. */
    public Map<Part, Double> byPart() {
        Map<Part, Double> weights = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            weights.put(part, of(part));
        }
        return weights;
    }

    /** Weights from every part's (a missing part: 0). */
    public static Weights of(Map<Part, Double> weights) {
        return new Weights(weights.getOrDefault(Part.PREFERRED_PROCESSES, 0.0), weights.getOrDefault(Part.NAF_PROXIMITY, 0.0),
                weights.getOrDefault(Part.CAPACITY, 0.0), weights.getOrDefault(Part.DISTANCE, 0.0),
                weights.getOrDefault(Part.SECTOR, 0.0), weights.getOrDefault(Part.LABELS, 0.0),
                weights.getOrDefault(Part.FRESHNESS, 0.0), weights.getOrDefault(Part.CERTIFICATIONS, 0.0));
    }

    /**
     * The score these weights give a pair whose explained parts had these values (only the parts
     * that applied to its demand): as {@link ScoreFormula#score}, without the profile at hand — how
     * a stored match ranks under other weights.
     */
    public double score(Map<Part, Double> values) {
        double weighted = 0;
        double sum = 0;
        for (Part part : Part.values()) { // the formula's order: the same double every time
            Double value = values.get(part);
            if (value != null) {
                weighted += PartValues.round(value) * of(part);
                sum += of(part);
            }
        }
        return PartValues.round(sum == 0 ? 0 : weighted / sum);
    }
}
