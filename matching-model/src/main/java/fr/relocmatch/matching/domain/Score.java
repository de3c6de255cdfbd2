package fr.relocmatch.matching.domain;

import java.util.List;

/**
 * A supplier's score for a demand, with its explanation.
 *
 * @param value weighted mean of the parts, in [0, 1]
 * @param distanceKm from the demand's delivery site to the supplier's; null when the demand gives no site
 */
public record Score(double value, List<ScorePart> parts, Double distanceKm) {

    public Score {
        parts = List.copyOf(parts);
    }
}
