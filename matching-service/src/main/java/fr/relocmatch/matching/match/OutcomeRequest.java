package fr.relocmatch.matching.match;

import java.time.LocalDate;

import fr.relocmatch.api.InvalidInputException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A step of an accepted match's outcome, as an adviser records it: the step, the day it happened
 * (today when left out) and, to abandon, a reason from the contract's list with words if need be.
 */
record OutcomeRequest(@NotNull OutcomeStep step, LocalDate on, RejectionReason reasonCode,
        @Size(max = 1000) String reason) {

    /** An abandoned match says why (in words too for OTHER); the other steps carry no reason code. */
    void requireReasonWhenAbandoned() {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        RejectionReason.check(step == OutcomeStep.ABANDONED, reasonCode, words(), "an abandoned match", errors);
        errors.throwIfAny();
    }

    /** The adviser's words, none when blank. */
    String words() {
        return RejectionReason.words(reason);
    }
}
