package fr.relocmatch.matching.match;

/** Whether a match currently stands. */
enum MatchStatus {
    PROPOSED,
    WITHDRAWN,
    /** An adviser accepted it: the parties are put in touch; it is no longer re-ranked. */
    ACCEPTED,
    /** An adviser rejected it: the pair is never proposed again. */
    REJECTED;

    /** Whether an adviser decided on it, which takes it out of ranking for good. */
    boolean isDecided() {
        return this == ACCEPTED || this == REJECTED;
    }
}
