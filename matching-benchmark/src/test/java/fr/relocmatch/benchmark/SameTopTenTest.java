package fr.relocmatch.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import fr.relocmatch.matching.domain.Candidate;
import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.MatchScorer;
import fr.relocmatch.matching.domain.Supplier;
import fr.relocmatch.matching.domain.SupplierIndex;
import fr.relocmatch.matching.domain.Weights;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The three implementations the benchmark compares answer the same top 10 (the benchmark checks it again at 1 M). */
class SameTopTenTest {

    @Test
    void indexNaiveLoopAndLuceneAgreeOnSyntheticProfiles() {
        MatchScorer scorer = new MatchScorer(Weights.defaults(),
                Clock.fixed(SyntheticProfiles.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        SyntheticProfiles generator = new SyntheticProfiles(1);
        List<Supplier> suppliers = generator.suppliers(20_000);
        SupplierIndex index = new SupplierIndex(scorer);
        suppliers.forEach(index::put);
        LuceneBaseline lucene = new LuceneBaseline(suppliers, scorer);

        int nonEmpty = 0;
        for (int i = 0; i < 100; i++) {
            Demand demand = generator.demand(i);
            List<Candidate> expected = scorer.rank(demand, suppliers, 10, 0.3);
            assertThat(index.rank(demand, 10, 0.3)).as(demand.id()).isEqualTo(expected);
            assertThat(lucene.rank(demand, 10, 0.3)).as(demand.id()).isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("demands with candidates: the comparison is not vacuous").isGreaterThan(50);
    }

    @ParameterizedTest
    @EnumSource(SyntheticProfiles.Kind.class)
    void theyAgreeOnEveryKindOfDemand(SyntheticProfiles.Kind kind) {
        MatchScorer scorer = new MatchScorer(Weights.defaults(),
                Clock.fixed(SyntheticProfiles.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        SyntheticProfiles generator = new SyntheticProfiles(2);
        List<Supplier> suppliers = generator.suppliers(10_000);
        SupplierIndex index = new SupplierIndex(scorer);
        suppliers.forEach(index::put);
        LuceneBaseline lucene = new LuceneBaseline(suppliers, scorer);
        String common = SyntheticProfiles.mostCommonProcess(suppliers);

        int nonEmpty = 0;
        for (int i = 0; i < 40; i++) {
            Demand demand = generator.demand(i, kind, common);
            assertThat(demand.reach().name()).isEqualTo(kind == SyntheticProfiles.Kind.NATIONWIDE_COMMON ? "NATIONWIDE" : kind.name());
            List<Candidate> expected = scorer.rank(demand, suppliers, 10, 0.3);
            assertThat(index.rank(demand, 10, 0.3)).as(demand.id()).isEqualTo(expected);
            assertThat(lucene.rank(demand, 10, 0.3)).as(demand.id()).isEqualTo(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("demands with candidates: the comparison is not vacuous").isGreaterThan(20);
    }
}
