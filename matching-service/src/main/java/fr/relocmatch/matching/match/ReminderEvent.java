package fr.relocmatch.matching.match;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.relocmatch.contracts.events.EventIds;

/**
 * Body of a {@code ProfileReminder} event, keyed by company id: what the supplier's adviser is
 * reminded of this month — a profile not confirmed for too long, or a certificate expiring before
 * the start of open demands the supplier would otherwise pass.
 */
record ReminderEvent(UUID eventId, Instant occurredAt, String reminderId, ReminderDue.ReminderKind kind, String period,
        String companyId, String companyName, String supplierAdviserEmail, String supplierRegion, LocalDate lastConfirmedOn,
        String certification, LocalDate validUntil, List<DemandRef> demands, int demandCount) {

    /** An open demand the certificate would miss. */
    record DemandRef(String demandId, String title, LocalDate startDate) {
    }

    static ReminderEvent of(ReminderDocument r) {
        return new ReminderEvent(EventIds.ofVersion("reminder", r.getId(), r.getVersion()), r.getCreatedAt(), r.getId(),
                r.getKind(), r.getPeriod(), r.getCompanyId(), r.getCompanyName(), r.getSupplierAdviserEmail(),
                r.getSupplierRegion(), r.getLastConfirmedOn(), r.getCertification(), r.getValidUntil(), r.getDemands(),
                r.getDemandCount());
    }
}
