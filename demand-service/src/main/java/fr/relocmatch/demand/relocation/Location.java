package fr.relocmatch.demand.relocation;

import java.util.List;

/** Where production may be, resolved: the site is present in RADIUS mode only. */
record Location(LocationMode mode, DemandSite site, Integer maxDistanceKm, List<String> regions) {
}
