package fr.relocmatch.matching.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.Supplier;

/**
 * What a supplier's adviser should be reminded of: a profile not confirmed for too long, or a
 * certificate that expires before the start of open demands the supplier would otherwise pass
 * every gate of ({@code demands}, in the order found).
 */
record ReminderDue(ReminderKind kind, Supplier supplier, String certification, LocalDate validUntil, List<Demand> demands) {

    static ReminderDue unconfirmed(Supplier supplier) {
        return new ReminderDue(ReminderKind.PROFILE_UNCONFIRMED, supplier, null, null, List.of());
    }

    static ReminderDue certificate(Supplier supplier, String certification, LocalDate validUntil) {
        return new ReminderDue(ReminderKind.CERTIFICATE_EXPIRING, supplier, certification, validUntil, new ArrayList<>());
    }

    /** The kinds of reminder. */
    enum ReminderKind {
        PROFILE_UNCONFIRMED, CERTIFICATE_EXPIRING
    }
}
