package fr.relocmatch.reference;

import java.util.List;

/**
 * A commune (or a municipal arrondissement of Paris, Lyon, Marseille) from the COG 2026, with
 * the WGS84 point of its town hall.
 */
public record Commune(String code, String name, List<String> postalCodes, String departementCode,
        String regionCode, double latitude, double longitude) {
}
