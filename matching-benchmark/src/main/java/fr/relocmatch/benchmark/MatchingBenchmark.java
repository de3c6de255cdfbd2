package fr.relocmatch.benchmark;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import fr.relocmatch.matching.domain.Candidate;
import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.MatchScorer;
import fr.relocmatch.matching.domain.Supplier;
import fr.relocmatch.matching.domain.SupplierIndex;
import fr.relocmatch.matching.domain.Weights;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One demand against 100 k and 1 M synthetic profiles, three ways: the columnar index
 * ({@link SupplierIndex}), a naive loop over one object per profile ({@link MatchScorer#rank}) and
 * Apache Lucene ({@link LuceneBaseline}). Each invocation ranks the next of 64 demands; all three
 * are checked to return the same top 10 for every demand before measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC"})
public class MatchingBenchmark {

    static final int K = 10;
    static final double MIN_SCORE = 0.3;
    static final int DEMANDS = 64;

    @Param({"100000", "1000000"})
    public int profiles;

    /** How far the demands reach ({@link SyntheticProfiles.Kind}); each kind is reported apart. */
    @Param({"RADIUS", "REGIONS", "NATIONWIDE", "NATIONWIDE_COMMON"})
    public String kind;

    private List<Supplier> suppliers;
    private SupplierIndex index;
    private MatchScorer scorer;
    private LuceneBaseline lucene;
    private final List<Demand> demands = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void build() {
        scorer = scorer();
        SyntheticProfiles generator = new SyntheticProfiles(42);
        suppliers = generator.suppliers(profiles);
        index = index(suppliers, scorer);
        lucene = new LuceneBaseline(suppliers, scorer);
        String common = SyntheticProfiles.mostCommonProcess(suppliers);
        for (int i = 0; i < DEMANDS; i++) {
            demands.add(generator.demand(i, SyntheticProfiles.Kind.valueOf(kind), common));
        }
        long candidates = 0;
        for (Demand demand : demands) {
            List<Candidate> expected = scorer.rank(demand, suppliers, K, MIN_SCORE);
            if (!expected.equals(index.rank(demand, K, MIN_SCORE)) || !expected.equals(lucene.rank(demand, K, MIN_SCORE))) {
                throw new IllegalStateException("top " + K + " differ for " + demand.id());
            }
            candidates += index.candidates(demand).getLongCardinality();
        }
        System.out.printf("%n[setup] %d profiles, %s demands: index %.1f bytes/profile, %.0f bitmap candidates per demand, "
                + "identical top %d for %d demands%n", profiles, kind, (double) index.indexBytes() / profiles,
                (double) candidates / DEMANDS, K, DEMANDS);
    }

    /** The scorer of the default weights, on the synthetic data's day. */
    static MatchScorer scorer() {
        return new MatchScorer(Weights.defaults(),
                Clock.fixed(SyntheticProfiles.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    /** The index of these profiles, compacted as matching-service does once it has read the topics at start. */
    static SupplierIndex index(List<Supplier> suppliers, MatchScorer scorer) {
        SupplierIndex index = new SupplierIndex(scorer);
        suppliers.forEach(index::put);
        index.compact();
        return index;
    }

    private Demand nextDemand() {
        Demand demand = demands.get(next);
        next = (next + 1) % DEMANDS;
        return demand;
    }

    @Benchmark
    public void columnarIndex(Blackhole hole) {
        hole.consume(index.rank(nextDemand(), K, MIN_SCORE));
    }

    @Benchmark
    public void naiveLoop(Blackhole hole) {
        hole.consume(scorer.rank(nextDemand(), suppliers, K, MIN_SCORE));
    }

    @Benchmark
    public void lucene(Blackhole hole) {
        hole.consume(lucene.rank(nextDemand(), K, MIN_SCORE));
    }
}
