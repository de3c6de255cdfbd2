package fr.relocmatch.matching.match;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step of an accepted match's outcome: the day it happened ({@code on}, given by the adviser),
 * why it was abandoned (ABANDONED only), who recorded it and when.
 */
record OutcomeRecord(OutcomeStep step, LocalDate on, RejectionReason reasonCode, String reason, String recordedBy,
        Instant recordedAt) {
}
