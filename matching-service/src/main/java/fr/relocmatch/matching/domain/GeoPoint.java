package fr.relocmatch.matching.domain;

import fr.relocmatch.reference.GeoDistance;

/** A WGS84 point. */
public record GeoPoint(double latitude, double longitude) {

    /** Great-circle (haversine) distance in kilometres. */
    public double distanceKm(GeoPoint other) {
        return GeoDistance.km(latitude, longitude, other.latitude, other.longitude);
    }
}
