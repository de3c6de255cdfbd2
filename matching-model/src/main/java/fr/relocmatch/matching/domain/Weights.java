package fr.relocmatch.matching.domain;

import java.util.stream.DoubleStream;

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
}
