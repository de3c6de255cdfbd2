package fr.relocmatch.company.profile;

import java.time.LocalDate;

/** A certification a company holds, valid from {@code validFrom} (if known) through {@code validUntil}. */
record HeldCertification(String code, LocalDate validFrom, LocalDate validUntil, String certificateNumber) {

    boolean validAt(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && !validUntil.isBefore(date);
    }
}
