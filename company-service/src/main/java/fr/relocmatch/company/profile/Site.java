package fr.relocmatch.company.profile;

/** A production site, resolved from the shipped COG 2026 communes. */
record Site(String communeCode, String communeName, String postalCode, String departementCode, String regionCode,
        double latitude, double longitude) {
}
