package fr.relocmatch.matching.match;

import fr.relocmatch.reference.ScoreNotes;
import java.util.Locale;
import java.time.Instant;
import java.util.List;

import fr.relocmatch.matching.domain.ScorePart;

/** A match as the REST API shows it, with its explanation. */
record MatchView(String id, long version, MatchStatus status, String demandId, String demandTitle,
        String buyerName, String companyId, String companyName, double score, int rank, Double distanceKm,
        List<ScorePart> explanation, int weightsVersion, RejectionReason reasonCode, String reason, String decidedBy, Instant decidedAt,
        OutcomeStep outcome, List<OutcomeRecord> outcomes, String demandClosed, Instant createdAt, Instant updatedAt) {

    /**
     * The match with each part's note written in {@code lang} ({@code fr}, {@code en}) from what the
     * scorer found; without a language, the scorer's English notes.
     */
    static MatchView of(MatchDocument match, String lang) {
        MatchView view = of(match);
        if (lang == null || view.explanation() == null) {
            return view;
        }
        Locale locale = Locale.forLanguageTag(lang);
        List<ScorePart> written = view.explanation().stream().map(part -> {
            String note = ScoreNotes.shipped().render(part.noteKey(), part.facts(), locale);
            return note == null ? part : new ScorePart(part.name(), part.value(), part.weight(), note, part.noteKey(), part.facts());
        }).toList();
        return new MatchView(view.id, view.version, view.status, view.demandId, view.demandTitle, view.buyerName,
                view.companyId, view.companyName, view.score, view.rank, view.distanceKm, written, view.weightsVersion, view.reasonCode,
                view.reason, view.decidedBy, view.decidedAt, view.outcome, view.outcomes, view.demandClosed, view.createdAt,
                view.updatedAt);
    }

    static MatchView of(MatchDocument match) {
        return new MatchView(match.getId(), match.getVersion(), match.getStatus(), match.getDemandId(),
                match.getDemandTitle(), match.getBuyerName(), match.getCompanyId(), match.getCompanyName(),
                match.getScore(), match.getRank(), match.getDistanceKm(), match.getExplanation(), match.getWeightsVersion(), match.getReasonCode(),
                match.getReason(), match.getDecidedBy(), match.getDecidedAt(), match.getOutcome(), match.getOutcomes(),
                match.getDemandClosed(), match.getCreatedAt(), match.getUpdatedAt());
    }
}
