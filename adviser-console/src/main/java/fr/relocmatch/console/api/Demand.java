package fr.relocmatch.console.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A demand as demand-service shows it to the signed-in person (no buyer when confidential and not theirs to see). */
public record Demand(String id, long version, String status, String statusReason, String title, String description,
        boolean confidential, Buyer buyer, Product product, List<String> requiredProcesses,
        List<String> preferredProcesses, List<String> targetNafCodes, List<String> requiredCertifications,
        Volume annualVolume, BigDecimal targetUnitPriceEur, String sector, LocalDate startDate, LocalDate validUntil,
        Location location, String adviserEmail, Instant createdAt, Instant updatedAt) {

    /** The moves demand-service allows from each status, by the path of its endpoint. */
    public List<String> moves() {
        return switch (status) {
            case "DRAFT" -> List.of("open", "cancel");
            case "OPEN" -> List.of("discussion", "fulfil", "cancel");
            case "IN_DISCUSSION" -> List.of("open", "fulfil", "cancel");
            default -> List.of();
        };
    }

    /** Matched (and ranked) only while open or in discussion. */
    public boolean isMatched() {
        return status.equals("OPEN") || status.equals("IN_DISCUSSION");
    }

    /** The région whose advisers follow the demand: its delivery site's. */
    public String region() {
        return location == null || location.site() == null ? null : location.site().regionCode();
    }

    public record Buyer(String companyId, String siret, String name) {
    }

    public record Product(String scheme, String code) {
    }

    public record Volume(BigDecimal quantity, String unit, BigDecimal minimumCoveragePercent) {
    }

    public record Location(String mode, Site site, Integer maxDistanceKm, List<String> regions) {
    }

    public record Site(String communeCode, String communeName, String departementCode, String regionCode) {
    }
}
