package fr.relocmatch.console.api;

import java.util.Map;
import java.time.Instant;
import java.util.List;

/** A match as matching-service shows it: score, rank, distance and the explanation of the score. */
public record Match(String id, long version, String status, String demandId, String demandTitle, String buyerName,
        String companyId, String companyName, double score, int rank, Double distanceKm, List<Part> explanation,
        String reason, String decidedBy, Instant decidedAt, Instant createdAt, Instant updatedAt, String reasonCode,
        String outcome, List<Outcome> outcomes) {

    /** The steps of an accepted match's outcome, in order; ABANDONED may follow any but the last. */
    public static final List<String> OUTCOME_STEPS = List.of("CONTACT_MADE", "QUOTE_SENT", "AGREEMENT_SIGNED",
            "PRODUCTION_STARTED");

    public boolean isProposed() {
        return status.equals("PROPOSED");
    }

    /** The steps an adviser may record next: none unless accepted, none after production started or abandonment. */
    public List<String> nextSteps() {
        if (!"ACCEPTED".equals(status) || "ABANDONED".equals(outcome) || "PRODUCTION_STARTED".equals(outcome)) {
            return List.of();
        }
        String next = OUTCOME_STEPS.get(outcome == null ? 0 : OUTCOME_STEPS.indexOf(outcome) + 1);
        return List.of(next, "ABANDONED");
    }

    /** The steps recorded so far, oldest first. */
    public List<Outcome> outcomeTrail() {
        return outcomes == null ? List.of() : outcomes;
    }

    /**
     * One step of an accepted match's outcome.
     *
     * @param on the day it happened
     */
    public record Outcome(String step, java.time.LocalDate on, String reasonCode, String reason, String recordedBy,
            Instant recordedAt) {
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
