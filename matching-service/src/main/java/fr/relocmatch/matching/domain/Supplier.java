package fr.relocmatch.matching.domain;

import java.util.Set;

/**
 * What matching knows of a supplier profile.
 *
 * @param active whether the profile takes part in matching
 */
public record Supplier(String id, long version, String name, String siren, Set<String> processes,
        GeoPoint site, String regionCode, boolean active, String adviserEmail) {

    public Supplier {
        processes = Set.copyOf(processes);
    }
}
