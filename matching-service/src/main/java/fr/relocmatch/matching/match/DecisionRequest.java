package fr.relocmatch.matching.match;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An adviser's decision on a proposed match. */
record DecisionRequest(@NotNull Decision decision, @Size(max = 1000) String reason,
        @NotBlank @Email String decidedBy) {

    /** What an adviser may decide. */
    enum Decision {
        ACCEPTED, REJECTED
    }

    /** A rejection needs a reason: advisers and the ranking learn from it. */
    void requireReasonForRejection() {
        if (decision == Decision.REJECTED && (reason == null || reason.isBlank())) {
            throw fr.relocmatch.contracts.problem.InvalidInputException.of("reason", "a rejection needs a reason");
        }
    }
}
