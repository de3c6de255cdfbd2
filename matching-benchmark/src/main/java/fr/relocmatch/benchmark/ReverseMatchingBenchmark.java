package fr.relocmatch.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.MatchScorer;
import fr.relocmatch.matching.domain.Supplier;
import fr.relocmatch.matching.domain.SupplierIndex;

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
 * The reverse direction, as matching-service does it when a profile changes: find, among the open
 * demands, those the profile passes (or passed) the gates of, and rank each of them again against
 * the index. 10 000 open demands of every kind (a quarter each), one changed profile per invocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g", "-XX:+UseParallelGC"})
public class ReverseMatchingBenchmark {

    static final int OPEN_DEMANDS = 10_000;

    @Param({"100000"})
    public int profiles;

    private List<Supplier> suppliers;
    private SupplierIndex index;
    private MatchScorer scorer;
    private final List<Demand> demands = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void build() {
        scorer = MatchingBenchmark.scorer();
        SyntheticProfiles generator = new SyntheticProfiles(42);
        suppliers = generator.suppliers(profiles);
        index = MatchingBenchmark.index(suppliers, scorer);
        String common = SyntheticProfiles.mostCommonProcess(suppliers);
        SyntheticProfiles.Kind[] kinds = SyntheticProfiles.Kind.values();
        for (int i = 0; i < OPEN_DEMANDS; i++) {
            demands.add(generator.demand(i, kinds[i % kinds.length], common));
        }
        long touched = 0;
        for (int i = 0; i < 100; i++) {
            Supplier changed = suppliers.get(i * (profiles / 100));
            touched += demands.stream().filter(d -> scorer.passesGates(d, changed)).count();
        }
        System.out.printf("%n[setup] %d profiles, %d open demands: a changed profile passes the gates of %.1f demands%n",
                profiles, OPEN_DEMANDS, touched / 100.0);
    }

    /** The demands a changed profile touches, each ranked again. */
    @Benchmark
    public void changedProfile(Blackhole hole) {
        Supplier changed = suppliers.get(next);
        next = (next + 7_919) % suppliers.size();
        for (Demand demand : demands) {
            if (scorer.passesGates(demand, changed)) {
                hole.consume(index.rank(demand, MatchingBenchmark.K, MatchingBenchmark.MIN_SCORE));
            }
        }
    }
}
