package fr.relocmatch.console.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A profile as company-service shows it to the signed-in person (the contact person only when they may see it). */
public record Company(String id, long version, String kind, String siret, String name, String nafCode,
        List<String> processes, List<Certificate> certifications, List<String> sectors, List<String> labels,
        Integer headcount, String headcountBand, Capacity capacity, Site site, Contact contact, String adviserEmail,
        boolean matchingConsent, String status, Instant lastConfirmedAt) {

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
