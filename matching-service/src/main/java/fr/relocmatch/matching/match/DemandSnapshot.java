package fr.relocmatch.matching.match;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.GeoPoint;

/** The part of a DemandUpdated event matching reads; other fields are ignored (tolerant reader). */
record DemandSnapshot(String demandId, long version, String status, String title, boolean confidential,
        String buyerCompanyId, String buyerSiren, String buyerName, String buyerSiret, List<String> requiredProcesses,
        List<String> preferredProcesses, List<String> targetNafCodes, List<String> requiredCertifications,
        VolumeView annualVolume, LocalDate startDate, String sector, String locationMode, SiteView site,
        Integer maxDistanceKm, List<String> regions, String adviserEmail, List<DisclosedBuyer> disclosures,
        String ownerRegion, Instant openedAt, String submittedBy) {

    /** A confidential buyer revealed to the supplier of one accepted match. */
    record DisclosedBuyer(String matchId, String companyId, String buyerName) {
    }

    /** The delivery site (the centre of the radius in RADIUS mode), when the demand gives one. */
    record SiteView(double latitude, double longitude) {
    }

    /** The annual volume, and the least share of it a supplier must cover, in percent. */
    record VolumeView(double quantity, String unit, Double minimumCoveragePercent) {
    }

    /** The statuses a demand ends in: nothing follows them. */
    static final Set<String> ENDED = Set.of("FULFILLED", "CANCELLED", "EXPIRED");

    /** The minimum coverage of a demand published before it carried one; demand-service always sends it. */
    static final double DEFAULT_MINIMUM_COVERAGE_PERCENT = 5;

    Demand toDemand() {
        boolean open = "OPEN".equals(status) || "IN_DISCUSSION".equals(status);
        // the SIREN is on every event, confidential or not; older events had only the SIRET of a public buyer
        String siren = buyerSiren != null ? buyerSiren
                : buyerSiret == null || buyerSiret.length() < 9 ? null : buyerSiret.substring(0, 9);
        Demand.Reach reach = locationMode == null ? Demand.Reach.RADIUS : Demand.Reach.valueOf(locationMode);
        GeoPoint point = site == null ? null : new GeoPoint(site.latitude(), site.longitude());
        return new Demand(demandId, version, title, buyerName, buyerCompanyId, siren,
                Set.copyOf(orEmpty(requiredProcesses)), Set.copyOf(orEmpty(preferredProcesses)), orEmpty(targetNafCodes),
                Set.copyOf(orEmpty(requiredCertifications)),
                annualVolume == null || annualVolume.unit() == null ? null
                        : new Demand.Volume(annualVolume.quantity(), annualVolume.unit(), (annualVolume.minimumCoveragePercent() == null
                                ? DEFAULT_MINIMUM_COVERAGE_PERCENT : annualVolume.minimumCoveragePercent()) / 100),
                startDate, sector, reach, point, maxDistanceKm == null ? 0 : maxDistanceKm, Set.copyOf(orEmpty(regions)),
                open, adviserEmail);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
