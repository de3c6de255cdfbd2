package fr.relocmatch.matching.domain;

import java.util.List;

/**
 * A supplier's score for a demand, with its explanation.
 *
 * @param value weighted mean of the parts, in [0, 1]
 */
public record Score(double value, List<ScorePart> parts, double distanceKm) {

    public Score {
        parts = List.copyOf(parts);
    }
}
