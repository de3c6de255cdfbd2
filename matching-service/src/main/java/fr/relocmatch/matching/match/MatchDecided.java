package fr.relocmatch.matching.match;

import fr.relocmatch.contracts.events.EventIds;
import java.time.Instant;
import java.util.UUID;

/** Body of a MatchDecided event on the decisions topic, keyed by demand id. */
record MatchDecided(UUID decisionId, String matchId, String demandId, String companyId, MatchStatus decision,
        RejectionReason reasonCode, String reason, String decidedBy, Instant decidedAt) {

    static MatchDecided of(MatchDocument match) {
        return new MatchDecided(EventIds.of("decision", match.getId()),
                match.getId(), match.getDemandId(), match.getCompanyId(), match.getStatus(), match.getReasonCode(), match.getReason(),
                match.getDecidedBy(), match.getDecidedAt());
    }
}
