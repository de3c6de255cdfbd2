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
        if (step == OutcomeStep.ABANDONED && reasonCode == null) {
            errors.add("reasonCode", "an abandoned match needs a reason, one of " + java.util.Arrays.toString(RejectionReason.values()));
        }
        if (step == OutcomeStep.ABANDONED && reasonCode == RejectionReason.OTHER && words() == null) {
            errors.add("reason", "say in words what the other reason is");
        }
        if (step != null && step != OutcomeStep.ABANDONED && reasonCode != null) {
            errors.add("reasonCode", "only an abandoned match has a reason code");
        }
        errors.throwIfAny();
    }

    String words() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
