package fr.relocmatch.demand.relocation;

/** Where the group wants production, resolved from the shipped COG 2026 communes. */
record DemandSite(String communeCode, String communeName, String departementCode, String regionCode,
        double latitude, double longitude) {
}
