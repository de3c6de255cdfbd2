package fr.relocmatch.matching.match;

import java.util.List;
import java.util.Set;

import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.GeoPoint;

/** The part of a DemandUpdated event matching reads; other fields are ignored (tolerant reader). */
record DemandView(String demandId, long version, String status, String title, boolean confidential,
        String buyerCompanyId, String buyerName, String buyerSiret, List<String> requiredProcesses,
        String locationMode, SiteView site, Integer maxDistanceKm, List<String> regions, String adviserEmail) {

    /** The site coordinates of the demand, in RADIUS mode. */
    record SiteView(double latitude, double longitude) {
    }

    Demand toDemand() {
        boolean open = "OPEN".equals(status) || "IN_DISCUSSION".equals(status);
        String buyerSiren = buyerSiret == null || buyerSiret.length() < 9 ? null : buyerSiret.substring(0, 9);
        Demand.Reach reach = locationMode == null ? Demand.Reach.RADIUS : Demand.Reach.valueOf(locationMode);
        GeoPoint point = site == null ? null : new GeoPoint(site.latitude(), site.longitude());
        return new Demand(demandId, version, title, buyerName, buyerCompanyId, buyerSiren,
                Set.copyOf(requiredProcesses == null ? List.of() : requiredProcesses), reach, point,
                maxDistanceKm == null ? 0 : maxDistanceKm, regions == null ? Set.of() : Set.copyOf(regions), open,
                adviserEmail);
    }
}
