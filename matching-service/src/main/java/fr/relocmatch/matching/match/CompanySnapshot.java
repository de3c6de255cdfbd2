package fr.relocmatch.matching.match;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.relocmatch.matching.domain.GeoPoint;
import fr.relocmatch.matching.domain.Supplier;

/**
 * The part of a CompanyProfileUpdated event matching reads; other fields are ignored (tolerant
 * reader). A profile without consent to be matched (GDPR) is kept but never proposed.
 */
record CompanySnapshot(String companyId, long version, String kind, String siren, String siret, String name, String nafCode,
        List<String> processes, List<CertificationView> certifications, List<String> sectors, List<String> labels,
        CapacityView capacity, SiteView site, String adviserEmail, String status, boolean matchingConsent,
        Instant lastConfirmedAt, String ownerRegion, List<NotInterestedView> notInterestedIn) {

    /** A kind of demand the supplier's adviser marked it not interested in; the sector null for any. */
    record NotInterestedView(String process, String sector) {
    }

    /** The site coordinates of the profile. */
    record SiteView(double latitude, double longitude, String regionCode) {
    }

    /** A held certification and its validity. */
    record CertificationView(String code, LocalDate validFrom, LocalDate validUntil) {
    }

    /** Annual capacity and its available share. */
    record CapacityView(double annualQuantity, String unit, double availablePercent) {
    }

    boolean isSupplier() {
        return "SME".equals(kind) || "ETI".equals(kind);
    }

    Supplier toSupplier() {
        Map<String, Supplier.Validity> held = new HashMap<>();
        for (CertificationView c : certifications == null ? List.<CertificationView>of() : certifications) {
            if (c.code() != null && c.validUntil() != null) {
                held.put(c.code(), new Supplier.Validity(c.validFrom(), c.validUntil()));
            }
        }
        return new Supplier(companyId, version, name, siren, nafCode, Set.copyOf(orEmpty(processes)), held,
                Set.copyOf(orEmpty(sectors)), Set.copyOf(orEmpty(labels)),
                capacity == null || capacity.unit() == null ? null
                        : new Supplier.Capacity(capacity.annualQuantity(), capacity.unit(), capacity.availablePercent()),
                new GeoPoint(site.latitude(), site.longitude()), site.regionCode(),
                "ACTIVE".equals(status) && isSupplier() && matchingConsent,
                lastConfirmedAt == null ? null : LocalDate.ofInstant(lastConfirmedAt, ZoneOffset.UTC), adviserEmail,
                orEmpty(notInterestedIn).stream().filter(kind -> kind != null && kind.process() != null)
                        .map(kind -> new Supplier.DemandKind(kind.process(), kind.sector())).collect(Collectors.toSet()),
                siret);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
