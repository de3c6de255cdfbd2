package fr.relocmatch.matching.domain;

import fr.relocmatch.reference.GeoDistance;

/** A WGS84 point. */
public record GeoPoint(double latitude, double longitude) {

    /** Great-circle (haversine) distance in kilometres. */
    public double distanceKm(GeoPoint other) {
        return GeoDistance.km(latitude, longitude, other.latitude, other.longitude);
    }

    /** The same distance between raw coordinates, for the columnar index. */
    static double distanceKm(double latitude1, double longitude1, double latitude2, double longitude2) {
        return GeoDistance.km(latitude1, longitude1, latitude2, longitude2);
    }
}
