package fr.relocmatch.matching.domain;

import java.util.Set;

/**
 * What matching knows of a relocation demand.
 *
 * @param buyerCompanyId id of the buyer's profile: a company is never matched with its own demand
 * @param buyerSiren     SIREN of the buyer when known (it is hidden for confidential demands)
 * @param site           where production is wanted, in RADIUS mode; null otherwise
 * @param maxDistanceKm  the radius, in RADIUS mode
 * @param regions        allowed régions, in REGIONS mode; empty otherwise
 * @param open           whether the demand is being matched (OPEN or IN_DISCUSSION)
 */
public record Demand(String id, long version, String title, String buyerName, String buyerCompanyId,
        String buyerSiren, Set<String> requiredProcesses, Reach reach, GeoPoint site, int maxDistanceKm,
        Set<String> regions, boolean open, String adviserEmail) {

    /** How far a demand reaches. */
    public enum Reach {
        RADIUS, REGIONS, NATIONWIDE
    }

    public Demand {
        requiredProcesses = Set.copyOf(requiredProcesses);
        regions = regions == null ? Set.of() : Set.copyOf(regions);
    }

    /** A demand within a radius of a site, the common case. */
    public static Demand withinRadius(String id, long version, String title, String buyerName, String buyerSiren,
            Set<String> requiredProcesses, GeoPoint site, int maxDistanceKm, boolean open, String adviserEmail) {
        return new Demand(id, version, title, buyerName, null, buyerSiren, requiredProcesses, Reach.RADIUS, site,
                maxDistanceKm, Set.of(), open, adviserEmail);
    }
}
