package fr.relocmatch.demand.request;

import fr.relocmatch.reference.Sector;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A demand as the REST API shows it to advisers (who may see a confidential buyer). */
record DemandView(String id, long version, DemandStatus status, String statusReason, String title,
        String description, boolean confidential, Buyer buyer, DemandRequest.ProductCode product,
        List<String> requiredProcesses, List<String> preferredProcesses, List<String> targetNafCodes,
        List<String> requiredCertifications, DemandRequest.Volume annualVolume, BigDecimal targetUnitPriceEur, Sector sector,
        LocalDate startDate, LocalDate validUntil, Location location, String adviserEmail, Instant createdAt,
        Instant updatedAt) {

    static DemandView of(DemandDocument d) {
        return new DemandView(d.getId(), d.getVersion(), d.getStatus(), d.getStatusReason(), d.getTitle(),
                d.getDescription(), d.isConfidential(), d.getBuyer(), d.getProduct(), d.getRequiredProcesses(),
                d.getPreferredProcesses(), d.getTargetNafCodes(), d.getRequiredCertifications(), d.getAnnualVolume(),
                d.getTargetUnitPriceEur(), d.getSector(), d.getStartDate(), d.getValidUntil(), d.getLocation(), d.getAdviserEmail(),
                d.getCreatedAt(), d.getUpdatedAt());
    }
}
