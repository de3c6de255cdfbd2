package fr.relocmatch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.relocmatch.matching.domain.RankingEffect.Ranked;
import fr.relocmatch.matching.domain.ScoreFormula.Part;
import fr.relocmatch.matching.domain.WeightsFit.Decision;

import org.junit.jupiter.api.Test;

class WeightsFitTest {

    private final Weights defaults = Weights.defaults();
    private final Random random = new Random(42);

    /**
     * Matches as an adviser sees them: every part drawn at random, whatever the decision; then the
     * adviser's rule decides — here, "the free capacity must cover the volume" (capacity part ≥
     * 0.8) or "close enough" (distance ≥ 0.5), depending on the test.
     */
    private Map<Part, Double> randomParts() {
        Map<Part, Double> values = new EnumMap<>(Part.class);
        for (Part part : Part.values()) {
            values.put(part, Math.round(random.nextDouble() * 1000) / 1000.0);
        }
        values.put(Part.FRESHNESS, 1.0); // every profile freshly confirmed: tells nothing
        return values;
    }

    private List<Decision> decidedBy(java.util.function.Predicate<Map<Part, Double>> adviserAccepts, int count) {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<Part, Double> values = randomParts();
            decisions.add(new Decision(values, adviserAccepts.test(values)));
        }
        return decisions;
    }

    @Test
    void rejectionsForCapacityRaiseTheCapacityWeight() {
        List<Decision> decisions = decidedBy(v -> v.get(Part.CAPACITY) >= 0.8, 200);

        WeightsFit.Result fit = WeightsFit.fit(decisions, defaults, 1.0);

        assertThat(fit.weights().capacity()).isGreaterThan(defaults.capacity());
        fit.weights().byPart().forEach((part, weight) -> {
            if (part != Part.CAPACITY) {
                assertThat(weight).as(part.key()).isLessThan(fit.weights().capacity());
            }
        });
        assertThat(fit.coefficients().get(Part.CAPACITY)).isPositive();
    }

    @Test
    void rejectionsForDistanceRaiseTheDistanceWeightAndNotTheCapacitys() {
        List<Decision> decisions = decidedBy(v -> v.get(Part.DISTANCE) >= 0.5, 200);

        WeightsFit.Result fit = WeightsFit.fit(decisions, defaults, 1.0);

        assertThat(fit.weights().distance()).isGreaterThan(defaults.distance());
        assertThat(fit.weights().capacity()).isLessThan(defaults.capacity());
    }

    @Test
    void aPartThatIsTheSameInEveryDecisionKeepsItsWeight() {
        WeightsFit.Result fit = WeightsFit.fit(decidedBy(v -> v.get(Part.CAPACITY) >= 0.8, 100), defaults, 1.0);

        assertThat(fit.learnt()).doesNotContain(Part.FRESHNESS).contains(Part.CAPACITY);
        assertThat(fit.weights().freshness()).isEqualTo(defaults.freshness());
    }

    @Test
    void aPartMissingFromSomeDecisionsCountsAtItsMeanThere() {
        List<Decision> decisions = new ArrayList<>();
        for (Decision decision : decidedBy(v -> v.get(Part.CAPACITY) >= 0.8, 200)) {
            Map<Part, Double> values = new EnumMap<>(decision.values());
            if (decisions.size() % 2 == 0) {
                values.remove(Part.SECTOR); // demands that name no sector
            }
            decisions.add(new Decision(values, decision.accepted()));
        }

        WeightsFit.Result fit = WeightsFit.fit(decisions, defaults, 1.0);

        assertThat(fit.weights().capacity()).isGreaterThan(defaults.capacity());
        assertThat(fit.learnt()).contains(Part.SECTOR);
    }

    @Test
    void aPartWhoseHighValuesGoWithRejectionsGetsTheFloor() {
        WeightsFit.Result fit = WeightsFit.fit(decidedBy(v -> v.get(Part.LABELS) < 0.3, 200), defaults, 1.0);

        assertThat(fit.coefficients().get(Part.LABELS)).isNegative();
        assertThat(fit.weights().labels()).isEqualTo(WeightsFit.FLOOR);
    }

    @Test
    void decisionsAllOfOneKindTeachNothing() {
        assertThatThrownBy(() -> WeightsFit.fit(decidedBy(v -> true, 50), defaults, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("acceptances and rejections");
    }

    @Test
    void acceptedMatchesMoveUpUnderWeightsFittedToTheirDecisions() {
        // one demand: a close supplier without the capacity, rejected; a farther one with it, accepted
        Map<Part, Double> close = new EnumMap<>(Map.of(Part.CAPACITY, 0.4, Part.DISTANCE, 1.0, Part.LABELS, 0.0, Part.FRESHNESS, 1.0));
        Map<Part, Double> able = new EnumMap<>(Map.of(Part.CAPACITY, 1.0, Part.DISTANCE, 0.3, Part.LABELS, 0.0, Part.FRESHNESS, 1.0));
        List<Ranked> demand = List.of(new Ranked("d", close, false), new Ranked("d", able, true));
        Weights capacityFirst = new Weights(0.15, 0.15, 0.5, 0.1, 0.1, 0.05, 0.05, 0.05);

        RankingEffect.Effect effect = RankingEffect.of(demand, defaults, capacityFirst);

        assertThat(defaults.score(close)).isGreaterThan(defaults.score(able));
        assertThat(effect.acceptedUp()).isEqualTo(1);
        assertThat(effect.rejectedDown()).isEqualTo(1);
        assertThat(effect.pairs()).isEqualTo(1);
        assertThat(effect.pairsInOrderBefore()).isZero();
        assertThat(effect.pairsInOrderAfter()).isEqualTo(1);
    }

    @Test
    void aStoredMatchScoresUnderItsWeightsAsTheFormulaDid() {
        Map<Part, Double> values = Map.of(Part.CAPACITY, 0.5, Part.DISTANCE, 0.8, Part.LABELS, 0.0, Part.FRESHNESS, 1.0);
        // 0.2 × 0.5 + 0.25 × 0.8 + 0.05 × 0 + 0.05 × 1 = 0.35, over 0.55
        assertThat(defaults.score(values)).isEqualTo(0.6364);
    }
}
