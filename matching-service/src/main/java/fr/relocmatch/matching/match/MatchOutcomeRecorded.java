package fr.relocmatch.matching.match;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.relocmatch.contracts.events.EventIds;

/** Body of a MatchOutcomeRecorded event on the decisions topic: one step of an accepted match's outcome, keyed by demand id. */
record MatchOutcomeRecorded(UUID outcomeId, String matchId, String demandId, String companyId, String demandRegion,
        String supplierRegion, OutcomeStep step, LocalDate on, RejectionReason reasonCode, String reason,
        String recordedBy, Instant recordedAt) {

    static MatchOutcomeRecorded of(MatchDocument match, OutcomeRecord step) {
        return new MatchOutcomeRecorded(EventIds.of("outcome", match.getId(), step.step().name()), match.getId(),
                match.getDemandId(), match.getCompanyId(), match.getDemandRegion(), match.getSupplierRegion(), step.step(),
                step.on(), step.reasonCode(), step.reason(), step.recordedBy(), step.recordedAt());
    }
}
