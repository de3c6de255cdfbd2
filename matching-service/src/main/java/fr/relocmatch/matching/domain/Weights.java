package fr.relocmatch.matching.domain;

/** Relative weights of the score parts; they need not sum to 1. */
public record Weights(double processCoverage, double distance) {

    public Weights {
        if (processCoverage < 0 || distance < 0 || processCoverage + distance == 0) {
            throw new IllegalArgumentException("weights must be non-negative and not all zero");
        }
    }
}
