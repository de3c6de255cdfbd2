package fr.relocmatch.matching.match;

/** Whether a match currently stands. */
enum MatchStatus {
    PROPOSED,
    WITHDRAWN
}
