package fr.relocmatch.company.profile;

import java.time.LocalDate;

import fr.relocmatch.reference.Sector;

/**
 * A kind of demand the supplier is not interested in, as its adviser marked it: a demand requiring
 * {@code process} for {@code sector} (for any sector when none is given) is not proposed to it.
 *
 * @param since the day it was marked, kept while the mark stays
 */
record NotInterested(String process, Sector sector, LocalDate since) {

    /** Whether it names the same kind of demand. */
    boolean sameKind(NotInterested other) {
        return process.equals(other.process) && sector == other.sector;
    }
}
