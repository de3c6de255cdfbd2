package fr.relocmatch.matching.domain;

/**
 * One named part of a score, as shown to advisers.
 *
 * @param value in [0, 1]
 * @param weight the configured weight of this part
 * @param note what is missing or weak, or how the value was reached
 */
public record ScorePart(String name, double value, double weight, String note) {
}
