package fr.relocmatch.matching.domain;

import static fr.relocmatch.matching.domain.Pairs.ROUEN;
import static fr.relocmatch.matching.domain.Pairs.demand;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import fr.relocmatch.matching.domain.ScoreFormula.Part;

import org.junit.jupiter.api.Test;

class ScoreFormulaTest {

    private final Weights weights = Weights.defaults();

    @Test
    void aPartTheDemandGivesNothingForIsLeftOutAndTheOthersShareItsWeight() {
        ScoreFormula bare = ScoreFormula.of(demand().requires("WEAVING").radius(ROUEN, 80).build(), weights);
        double[] values = ScoreFormula.values();
        values[Part.DISTANCE.ordinal()] = 0.5;
        values[Part.LABELS.ordinal()] = 1;
        values[Part.FRESHNESS.ordinal()] = 1;
        values[Part.SECTOR.ordinal()] = 1; // the demand names no sector: ignored

        assertThat(bare.applies(Part.SECTOR)).isFalse();
        assertThat(bare.applies(Part.DISTANCE)).isTrue();
        // (0.5 × 0.25 + 1 × 0.05 + 1 × 0.05) / (0.25 + 0.05 + 0.05)
        assertThat(bare.score(values)).isEqualTo(0.6429);
    }

    @Test
    void theBoundNeverFallsBelowTheScoreWhateverTheDistance() {
        ScoreFormula full = ScoreFormula.of(demand().requires("WEAVING").prefers("DYEING_FINISHING").naf("13.92")
                .volume(1000, "PIECES").sector("TEXTILE").certifications("ISO9001").radius(ROUEN, 80).build(), weights);
        Random random = new Random(7);
        double[] values = ScoreFormula.values();
        for (int pair = 0; pair < 10_000; pair++) {
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextDouble();
            }
            double bound = full.bestCase(values, Part.DISTANCE);
            values[Part.DISTANCE.ordinal()] = random.nextBoolean() ? 1 : random.nextDouble();
            assertThat(full.score(values)).isLessThanOrEqualTo(bound);
        }
    }
}
