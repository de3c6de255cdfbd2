package fr.relocmatch.demand.relocation;

import java.time.Instant;

/** A confidential buyer revealed to one supplier, once an adviser accepted their match. */
record Disclosure(String matchId, String companyId, Instant at) {
}
