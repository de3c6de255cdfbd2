package fr.relocmatch.demand.relocation;

import fr.relocmatch.access.Caller;
import fr.relocmatch.reference.Sector;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A demand as the REST API shows it: a confidential demand's buyer only to the advisers, admins and
 * auditors of its région and to the partner that submitted it (an accepted supplier's side learns
 * it from the match and its e-mail).
 */
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

    /** What this caller may see of the demand. */
    static DemandView of(DemandDocument d, Caller caller) {
        DemandView whole = of(d);
        if (!d.isConfidential() || caller.readsWholly(d.getOwnerRegion()) || caller.submitted(d.getSubmittedBy())) {
            return whole;
        }
        return new DemandView(whole.id, whole.version, whole.status, whole.statusReason, whole.title,
                whole.description, true, null, whole.product, whole.requiredProcesses, whole.preferredProcesses,
                whole.targetNafCodes, whole.requiredCertifications, whole.annualVolume, whole.targetUnitPriceEur,
                whole.sector, whole.startDate, whole.validUntil, whole.location, whole.adviserEmail, whole.createdAt,
                whole.updatedAt);
    }
}
