package fr.relocmatch.matching.match;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Body of a MatchDecided event on the decisions topic, keyed by demand id. */
record MatchDecided(UUID decisionId, String matchId, String demandId, String companyId, MatchStatus decision,
        String reason, String decidedBy, Instant decidedAt) {

    static MatchDecided of(MatchDocument match) {
        return new MatchDecided(UUID.nameUUIDFromBytes(("decision/" + match.getId()).getBytes(StandardCharsets.UTF_8)),
                match.getId(), match.getDemandId(), match.getCompanyId(), match.getStatus(), match.getReason(),
                match.getDecidedBy(), match.getDecidedAt());
    }
}
