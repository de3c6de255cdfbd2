package fr.relocmatch.matching.match;

import fr.relocmatch.api.InvalidInputException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An adviser's decision on a proposed match. A rejection names its reason from the contract's
 * list ({@code reasonCode}) and may say more in words ({@code reason}; needed for OTHER). Who
 * decided comes from the access token; a {@code decidedBy} in the body, a former field, is refused
 * unless it names the caller.
 */
record DecisionRequest(@NotNull Decision decision, RejectionReason reasonCode, @Size(max = 1000) String reason,
        String decidedBy) {

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

    /** A rejection needs a listed reason (in words too for OTHER): advisers and the ranking learn from it. */
    void requireReasonForRejection() {
        InvalidInputException.Collector errors = new InvalidInputException.Collector();
        RejectionReason.check(decision == Decision.REJECTED, reasonCode, words(), "a rejection", errors);
        errors.throwIfAny();
    }

    /** The adviser's words, none when blank. */
    String words() {
        return RejectionReason.words(reason);
    }
}
