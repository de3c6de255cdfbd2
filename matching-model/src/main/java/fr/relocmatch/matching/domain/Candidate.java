package fr.relocmatch.matching.domain;

/** A supplier that passed the gates of a demand, with its score and rank (1 = best). */
public record Candidate(Supplier supplier, Score score, int rank) {
}
