package fr.relocmatch.notification.email;

import java.time.LocalDate;
import java.util.List;

import fr.relocmatch.notification.adviser.AdviserDirectory;

/** The part of a ProfileReminder event the digest needs; other fields are ignored (tolerant reader). */
record ReminderNotice(String reminderId, String kind, String period, String companyId, String companyName,
        String supplierAdviserEmail, String supplierRegion, LocalDate lastConfirmedOn, String certification,
        LocalDate validUntil, List<DemandRef> demands, int demandCount) {

    /** An open demand the certificate would miss. */
    record DemandRef(String demandId, String title, LocalDate startDate) {
    }

    boolean certificate() {
        return "CERTIFICATE_EXPIRING".equals(kind);
    }

    /** The supplier's adviser, if the instance of {@code region} is the one to tell them. */
    List<String> recipientsIn(String region) {
        if (supplierAdviserEmail == null || supplierAdviserEmail.isBlank()
                || supplierRegion != null && !supplierRegion.equals(region)) {
            return List.of();
        }
        return List.of(AdviserDirectory.normalise(supplierAdviserEmail));
    }
}
