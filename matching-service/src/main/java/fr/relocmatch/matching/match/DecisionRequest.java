package fr.relocmatch.matching.match;

import fr.relocmatch.api.InvalidInputException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An adviser's decision on a proposed match. Who decided comes from the access token; a
 * {@code decidedBy} in the body, a former field, is refused unless it names the caller.
 */
record DecisionRequest(@NotNull Decision decision, @Size(max = 1000) String reason, String decidedBy) {

    /** What an adviser may decide. */
    enum Decision {
        ACCEPTED, REJECTED
    }

    /** The body may not speak for someone else. */
    void requireNoOtherDecider(String caller) {
        if (decidedBy != null && !decidedBy.equalsIgnoreCase(caller)) {
            throw InvalidInputException.of("decidedBy",
                    "is taken from your access token (" + caller + "); leave it out");
        }
    }

    /** A rejection needs a reason: advisers and the ranking learn from it. */
    void requireReasonForRejection() {
        if (decision == Decision.REJECTED && (reason == null || reason.isBlank())) {
            throw InvalidInputException.of("reason", "a rejection needs a reason");
        }
    }
}
