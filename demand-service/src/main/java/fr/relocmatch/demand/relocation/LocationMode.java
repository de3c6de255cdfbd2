package fr.relocmatch.demand.relocation;

/** How a demand says where production may be. */
enum LocationMode {
    /** Within {@code maxDistanceKm} of the site commune. */
    RADIUS,
    /** Anywhere in the listed régions. */
    REGIONS,
    /** Anywhere in France. */
    NATIONWIDE
}
