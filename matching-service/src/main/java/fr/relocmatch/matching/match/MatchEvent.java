package fr.relocmatch.matching.match;

import fr.relocmatch.contracts.events.EventIds;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.relocmatch.matching.domain.ScorePart;

/**
 * Body of MatchProposed, MatchUpdated and MatchWithdrawn events: the match after the change, with
 * its explanation and the advisers in charge of both sides. Keyed by demand id.
 */
record MatchEvent(UUID eventId, Instant occurredAt, String matchId, long version, MatchStatus status,
        String demandId, long demandVersion, String demandTitle, String buyerName, String demandAdviserEmail,
        String companyId, long companyVersion, String companyName, String supplierAdviserEmail, double score,
        int rank, Double distanceKm, List<ScorePart> explanation, String reason, String demandRegion,
        String supplierRegion, RejectionReason reasonCode, OutcomeStep outcome, int weightsVersion,
        String demandClosed) {

    static MatchEvent of(MatchDocument match) {
        return new MatchEvent(eventId(match.getId(), match.getVersion()), match.getUpdatedAt(), match.getId(),
                match.getVersion(), match.getStatus(), match.getDemandId(), match.getDemandVersion(),
                match.getDemandTitle(), match.getBuyerName(), match.getDemandAdviserEmail(), match.getCompanyId(),
                match.getCompanyVersion(), match.getCompanyName(), match.getSupplierAdviserEmail(), match.getScore(),
                match.getRank(), match.getDistanceKm(), match.getExplanation(), match.getReason(), match.getDemandRegion(),
                match.getSupplierRegion(), match.getReasonCode(), match.getOutcome(), match.getWeightsVersion(),
                match.getDemandClosed());
    }

    /** The same (match, version) always gets the same event id, however often it is relayed. */
    static UUID eventId(String matchId, long version) {
        return EventIds.ofVersion("match", matchId, version);
    }
}
