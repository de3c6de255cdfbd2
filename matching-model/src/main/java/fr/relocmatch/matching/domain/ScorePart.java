package fr.relocmatch.matching.domain;

import java.util.Map;

/**
 * One named part of a score, as shown to advisers.
 *
 * @param value in [0, 1]
 * @param weight the configured weight of this part
 * @param note what is missing or weak, or how the value was reached, in English
 * @param noteKey what the note says, for rendering it in the reader's language
 *        ({@code fr.relocmatch.reference.ScoreNotes}): {@code distance.radius}, {@code labels.none}…
 * @param facts the note's facts by name ({@code km}, {@code maxKm}, {@code offeredProcesses}…)
 */
public record ScorePart(String name, double value, double weight, String note, String noteKey,
        Map<String, String> facts) {

    public ScorePart {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
