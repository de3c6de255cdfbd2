package fr.relocmatch.matching.match;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.relocmatch.matching.domain.RankingEffect;
import fr.relocmatch.matching.domain.Weights;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of a région's score weights, fitted to its advisers' decisions and kept whether or
 * not a région admin applies it. Version 0 is the configuration's ({@code relocmatch.matching.weights}),
 * never stored.
 *
 * @param fittedOn          the version applied when it was fitted: what it is compared with
 * @param fittedOnWeights   that version's weights
 * @param coefficients      the regression's coefficient of each learnt part (log-odds of an acceptance per unit of the part)
 * @param learnt            the parts whose weight comes from the decisions; the others kept theirs
 * @param basis             the decisions it was fitted to
 * @param pastDecisions     what it changes in the rankings of the région's decided demands
 * @param evaluation        what it changes in the evaluation set's measures (P@5, nDCG@10)
 * @param appliedBy         who applied it last (null: never applied)
 */
@Document("score_weights")
record WeightsVersion(@Id String id, @Indexed String region, int version, Weights weights, int fittedOn,
        Weights fittedOnWeights, Map<String, Double> coefficients, List<String> learnt, Basis basis,
        RankingEffect.Effect pastDecisions, EvaluationEffect.Effect evaluation, double regularisation, String fittedBy, Instant fittedAt, String appliedBy,
        Instant appliedAt) {

    /**
     * @param accepted acceptances fitted to
     * @param rejected rejections fitted to
     * @param leftOut  rejections left out by reason: those the score has no part for (price, already a
     *                 supplier, company not interested)
     */
    record Basis(int accepted, int rejected, Map<String, Integer> leftOut) {
    }

    static String idOf(String region, int version) {
        return region + ":" + version;
    }

    /** The configuration's weights, as version 0 of a région. */
    static WeightsVersion configured(String region, Weights weights) {
        return new WeightsVersion(idOf(region, 0), region, 0, weights, 0, weights, Map.of(), List.of(), null, null, null, 0,
                null, null, null, null);
    }
}
