package fr.relocmatch.demand.relocation;

/** The part of a MatchDecided event demand-service reads: an adviser accepted or rejected a match. */
record MatchDecided(String matchId, String demandId, String companyId, String decision, String reason) {

    boolean accepted() {
        return "ACCEPTED".equals(decision);
    }
}
