package fr.relocmatch.console.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A profile as company-service shows it to the signed-in person (the contact person only when they may see it). */
public record Company(String id, long version, String kind, String siret, String name, String nafCode,
        List<String> processes, List<Certificate> certifications, List<String> sectors, List<String> labels,
        Integer headcount, String headcountBand, Capacity capacity, Site site, Contact contact, String adviserEmail,
        boolean matchingConsent, String status, Instant lastConfirmedAt, List<NotInterested> notInterestedIn) {

    public Company {
        notInterestedIn = notInterestedIn == null ? List.of() : List.copyOf(notInterestedIn);
    }

    /** A profile its adviser marked interested in every kind of demand. */
    public Company(String id, long version, String kind, String siret, String name, String nafCode,
            List<String> processes, List<Certificate> certifications, List<String> sectors, List<String> labels,
            Integer headcount, String headcountBand, Capacity capacity, Site site, Contact contact, String adviserEmail,
            boolean matchingConsent, String status, Instant lastConfirmedAt) {
        this(id, version, kind, siret, name, nafCode, processes, certifications, sectors, labels, headcount,
                headcountBand, capacity, site, contact, adviserEmail, matchingConsent, status, lastConfirmedAt, List.of());
    }

    /** A kind of demand its adviser marked it not interested in: requiring a process, for a sector (null: any). */
    public record NotInterested(String process, String sector, LocalDate since) {

        boolean is(String process, String sector) {
            return this.process.equals(process) && java.util.Objects.equals(this.sector, sector);
        }
    }

    /** The marks with this kind added (if new) or taken away, as {@code PUT …/not-interested} takes them. */
    public List<Map<String, String>> notInterestedWith(String process, String sector, boolean marked) {
        List<Map<String, String>> kinds = new ArrayList<>();
        for (NotInterested kind : notInterestedIn) {
            if (!kind.is(process, sector)) {
                kinds.add(kind(kind.process(), kind.sector()));
            }
        }
        if (marked) {
            kinds.add(kind(process, sector));
        }
        return kinds;
    }

    private static Map<String, String> kind(String process, String sector) {
        Map<String, String> kind = new LinkedHashMap<>();
        kind.put("process", process);
        kind.put("sector", sector);
        return kind;
    }

    public record Certificate(String code, LocalDate validFrom, LocalDate validUntil, String certificateNumber) {
    }

    public record Capacity(BigDecimal annualQuantity, String unit, BigDecimal availablePercent) {
    }

    public record Site(String communeCode, String communeName, String postalCode, String departementCode,
            String regionCode) {
    }

    public record Contact(String name, String email, String phone) {
    }
}
