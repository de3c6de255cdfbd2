package fr.relocmatch.console.api;

import java.util.Map;
import java.time.Instant;
import java.util.List;

/** A match as matching-service shows it: score, rank, distance and the explanation of the score. */
public record Match(String id, long version, String status, String demandId, String demandTitle, String buyerName,
        String companyId, String companyName, double score, int rank, Double distanceKm, List<Part> explanation,
        String reason, String decidedBy, Instant decidedAt, Instant createdAt, Instant updatedAt) {

    public boolean isProposed() {
        return status.equals("PROPOSED");
    }

    /** The score in percent, as advisers read it. */
    public long percent() {
        return Math.round(score * 100);
    }

    /**
     * One part of the score.
     *
     * @param value how well the supplier meets it, 0 to 1
     * @param weight its share of the score
     * @param note the scorer's note, in English
     * @param noteKey what the note says, to write it in the reader's language
     * @param facts the note's facts
     */
    public record Part(String name, double value, double weight, String note, String noteKey,
            Map<String, String> facts) {

        /** What the part adds to the score, in points of percent. */
        public double points() {
            return value * weight * 100;
        }

        /** The bar's length: the value, in percent of what the part could give. */
        public long valuePercent() {
            return Math.round(Math.max(0, Math.min(1, value)) * 100);
        }
    }
}
