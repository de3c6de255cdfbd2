package fr.relocmatch.matching.match;

import java.util.List;
import java.util.Set;

import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.GeoPoint;

/** The part of a DemandUpdated event matching reads; other fields are ignored (tolerant reader). */
record DemandView(String demandId, long version, String title, String buyerName, String buyerSiret,
        List<String> requiredProcesses, SiteView site, int maxDistanceKm, String adviserEmail, String status) {

    /** The site coordinates of the demand. */
    record SiteView(double latitude, double longitude) {
    }

    Demand toDemand() {
        boolean open = "OPEN".equals(status) || "IN_DISCUSSION".equals(status);
        String buyerSiren = buyerSiret == null || buyerSiret.length() < 9 ? null : buyerSiret.substring(0, 9);
        return new Demand(demandId, version, title, buyerName, buyerSiren,
                Set.copyOf(requiredProcesses == null ? List.of() : requiredProcesses),
                new GeoPoint(site.latitude(), site.longitude()), maxDistanceKm, open, adviserEmail);
    }
}
