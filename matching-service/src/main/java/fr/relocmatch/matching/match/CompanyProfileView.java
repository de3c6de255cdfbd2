package fr.relocmatch.matching.match;

import java.util.List;
import java.util.Set;

import fr.relocmatch.matching.domain.GeoPoint;
import fr.relocmatch.matching.domain.Supplier;

/**
 * The part of a CompanyProfileUpdated event matching reads; other fields are ignored (tolerant
 * reader). A profile without consent to be matched (GDPR) is kept but never proposed.
 */
record CompanyProfileView(String companyId, long version, String kind, String siren, String name,
        List<String> processes, SiteView site, String adviserEmail, String status, boolean matchingConsent) {

    /** The site coordinates of the profile. */
    record SiteView(double latitude, double longitude, String regionCode) {
    }

    boolean isSupplier() {
        return "SME".equals(kind) || "ETI".equals(kind);
    }

    Supplier toSupplier() {
        return new Supplier(companyId, version, name, siren, Set.copyOf(processes == null ? List.of() : processes),
                new GeoPoint(site.latitude(), site.longitude()), site.regionCode(), "ACTIVE".equals(status) && isSupplier() && matchingConsent,
                adviserEmail);
    }
}
