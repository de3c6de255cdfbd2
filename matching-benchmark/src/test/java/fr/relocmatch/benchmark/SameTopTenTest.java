package fr.relocmatch.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.BiFunction;

import fr.relocmatch.matching.domain.Candidate;
import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.MatchScorer;
import fr.relocmatch.matching.domain.Supplier;
import fr.relocmatch.matching.domain.SupplierIndex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The three implementations the benchmark compares answer the same top 10 (the benchmark checks it again at 1 M). */
class SameTopTenTest {

    @Test
    void indexNaiveLoopAndLuceneAgreeOnSyntheticProfiles() {
        SyntheticProfiles generator = new SyntheticProfiles(1);
        int nonEmpty = demandsWithTheSameTopTen(generator, 20_000, 100, (i, common) -> generator.demand(i));
        assertThat(nonEmpty).as("demands with candidates: the comparison is not vacuous").isGreaterThan(50);
    }

    @ParameterizedTest
    @EnumSource(SyntheticProfiles.Kind.class)
    void theyAgreeOnEveryKindOfDemand(SyntheticProfiles.Kind kind) {
        SyntheticProfiles generator = new SyntheticProfiles(2);
        int nonEmpty = demandsWithTheSameTopTen(generator, 10_000, 40, (i, common) -> {
            Demand demand = generator.demand(i, kind, common);
            assertThat(demand.reach().name()).isEqualTo(kind == SyntheticProfiles.Kind.NATIONWIDE_COMMON ? "NATIONWIDE" : kind.name());
            return demand;
        });
        assertThat(nonEmpty).as("demands with candidates: the comparison is not vacuous").isGreaterThan(20);
    }

    /**
     * Ranks {@code demands} demands three ways over {@code profiles} synthetic profiles, asserting the
     * same top 10; answers how many had candidates.
     */
    private static int demandsWithTheSameTopTen(SyntheticProfiles generator, int profiles, int demands,
            BiFunction<Integer, String, Demand> demand) {
        MatchScorer scorer = MatchingBenchmark.scorer();
        List<Supplier> suppliers = generator.suppliers(profiles);
        SupplierIndex index = new SupplierIndex(scorer);
        suppliers.forEach(index::put);
        LuceneBaseline lucene = new LuceneBaseline(suppliers, scorer);
        String common = SyntheticProfiles.mostCommonProcess(suppliers);
        int nonEmpty = 0;
        for (int i = 0; i < demands; i++) {
            Demand next = demand.apply(i, common);
            List<Candidate> expected = scorer.rank(next, suppliers, 10, 0.3);
            assertThat(index.rank(next, 10, 0.3)).as(next.id()).isEqualTo(expected);
            assertThat(lucene.rank(next, 10, 0.3)).as(next.id()).isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        return nonEmpty;
    }
}
