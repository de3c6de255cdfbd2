package fr.relocmatch.matching.domain;

import java.util.Set;

/**
 * What matching knows of a relocation demand.
 *
 * @param buyerSiren SIREN of the buyer, when known: a company is never matched with its own demand
 * @param open whether the demand is being matched (OPEN or IN_DISCUSSION)
 */
public record Demand(String id, long version, String title, String buyerName, String buyerSiren,
        Set<String> requiredProcesses,
        GeoPoint site, int maxDistanceKm, boolean open, String adviserEmail) {

    public Demand {
        requiredProcesses = Set.copyOf(requiredProcesses);
    }
}
