package fr.relocmatch.matching.match;

import java.time.Instant;
import java.util.List;

import fr.relocmatch.matching.domain.ScorePart;

/** A match as the REST API shows it, with its explanation. */
record MatchView(String id, long version, MatchStatus status, String demandId, String demandTitle,
        String buyerName, String companyId, String companyName, double score, int rank, Double distanceKm,
        List<ScorePart> explanation, String reason, String decidedBy, Instant decidedAt, Instant createdAt,
        Instant updatedAt) {

    static MatchView of(MatchDocument match) {
        return new MatchView(match.getId(), match.getVersion(), match.getStatus(), match.getDemandId(),
                match.getDemandTitle(), match.getBuyerName(), match.getCompanyId(), match.getCompanyName(),
                match.getScore(), match.getRank(), match.getDistanceKm(), match.getExplanation(), match.getReason(),
                match.getDecidedBy(), match.getDecidedAt(), match.getCreatedAt(), match.getUpdatedAt());
    }
}
