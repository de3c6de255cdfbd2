package fr.relocmatch.matching.match;

import java.time.LocalDate;

/**
 * The next outcome step of an accepted match as a partner publishes it on the match-outcomes inbox
 * ({@code partner-match-outcome-submission} schema): the match named by the partner's demand and
 * the supplier's SIRET, then what {@code POST /api/v1/matches/{id}/outcomes} takes.
 */
record PartnerOutcomeRequest(String demandId, String supplierSiret, OutcomeStep step, LocalDate on,
        RejectionReason reasonCode, String reason) {

    OutcomeRequest outcome() {
        return new OutcomeRequest(step, on, reasonCode, reason);
    }
}
