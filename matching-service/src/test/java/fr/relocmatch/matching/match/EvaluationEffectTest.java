package fr.relocmatch.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relocmatch.matching.domain.Weights;

import org.junit.jupiter.api.Test;

class EvaluationEffectTest {

    private final EvaluationEffect set = EvaluationEffect.shipped(10, 0.3);

    @Test
    void underTheConfiguredWeightsTheShippedCandidatesMeasureAsTheLiveRankingsDid() {
        // EvaluationIT, rankings read from the running services: P@5 0.987, nDCG@10 0.971
        EvaluationEffect.Measures measures = set.measure(Weights.defaults());

        assertThat(measures.precisionAt5()).isEqualTo(0.987);
        assertThat(measures.ndcgAt10()).isEqualTo(0.971);
    }

    @Test
    void weightsThatLetLabelsOutrankSubstanceMeasureWorse() {
        Weights labelsFirst = new Weights(0.05, 0.05, 0.05, 0.05, 0.05, 0.7, 0.05, 0.05);

        EvaluationEffect.Effect effect = set.of(Weights.defaults(), labelsFirst);

        assertThat(effect.demands()).isEqualTo(30);
        assertThat(effect.after().ndcgAt10()).isLessThan(effect.before().ndcgAt10());
        assertThat(effect.after().precisionAt5()).isLessThan(effect.before().precisionAt5());
    }

    @Test
    void weightsThatWeighTheCertificatesLapseAsAnAdviserDoesMeasureBetter() {
        // the set's README: grade-2 "renewal" profiles (a certificate lapsing within the first year)
        // often rank above grade-3 ones because the certifications part weighs 0.05
        Weights certificatesCount = new Weights(0.15, 0.15, 0.2, 0.25, 0.1, 0.05, 0.05, 0.2);

        assertThat(set.measure(certificatesCount).ndcgAt10()).isGreaterThan(set.measure(Weights.defaults()).ndcgAt10());
    }
}
