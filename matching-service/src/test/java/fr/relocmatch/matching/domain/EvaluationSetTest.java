package fr.relocmatch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Ranking quality on the evaluation set in {@code src/test/resources/evaluation}: 20 demands, 200
 * profiles, and for each demand the good matches graded 3 (ideal), 2 (good), 1 (acceptable) with
 * a one-line reason. Reports precision@5 and nDCG@10 and fails below the floors explained in
 * {@code evaluation/README.md}.
 */
class EvaluationSetTest {

    /** Share of the good matches (at most 5) found in the top 5, averaged over demands. */
    static final double PRECISION_AT_5_FLOOR = 0.95;
    /** Graded ranking quality of the top 10, averaged over demands. */
    static final double NDCG_AT_10_FLOOR = 0.9;

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void reportsPrecisionAt5AndNdcgAt10AboveTheirFloors() throws IOException {
        MatchScorer scorer = new MatchScorer(Weights.defaults(),
                Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        SupplierIndex index = new SupplierIndex(scorer);
        for (CSVRecord row : read("profiles.csv")) {
            index.put(supplier(row));
        }
        Map<String, Map<String, Integer>> grades = new HashMap<>();
        for (CSVRecord row : read("expected.csv")) {
            grades.computeIfAbsent(row.get("demand_id"), k -> new LinkedHashMap<>())
                    .put(row.get("company_id"), Integer.parseInt(row.get("grade")));
        }
        List<Demand> demands = read("demands.csv").stream().map(EvaluationSetTest::demand).toList();
        assertThat(index.size()).isGreaterThanOrEqualTo(200);
        assertThat(demands).hasSizeGreaterThanOrEqualTo(20);

        double precisionSum = 0;
        double ndcgSum = 0;
        List<String> misses = new ArrayList<>();
        for (Demand demand : demands) {
            Map<String, Integer> expected = grades.get(demand.id());
            List<String> ranked = index.rank(demand, 10, 0.3).stream().map(c -> c.supplier().id()).toList();
            double precision = precisionAt5(ranked, expected);
            double ndcg = ndcgAt10(ranked, expected);
            precisionSum += precision;
            ndcgSum += ndcg;
            if (precision < 1 || ndcg < 0.95) {
                misses.add(String.format("%s P@5=%.2f nDCG@10=%.3f ranked %s expected %s", demand.id(), precision, ndcg,
                        ranked, expected));
            }
        }
        double precision = precisionSum / demands.size();
        double ndcg = ndcgSum / demands.size();
        System.out.printf("Evaluation set: %d demands, %d profiles: precision@5 = %.3f, nDCG@10 = %.3f%n",
                demands.size(), index.size(), precision, ndcg);
        misses.forEach(m -> System.out.println("  " + m));

        assertThat(precision).as("precision@5; misses: %s", misses).isGreaterThanOrEqualTo(PRECISION_AT_5_FLOOR);
        assertThat(ndcg).as("nDCG@10; misses: %s", misses).isGreaterThanOrEqualTo(NDCG_AT_10_FLOOR);
    }

    static double precisionAt5(List<String> ranked, Map<String, Integer> expected) {
        long found = ranked.stream().limit(5).filter(expected::containsKey).count();
        return (double) found / Math.min(5, expected.size());
    }

    static double ndcgAt10(List<String> ranked, Map<String, Integer> expected) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += gain(expected.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = expected.values().stream().sorted((a, b) -> b - a).limit(10).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 1 : dcg / idcg;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static Supplier supplier(CSVRecord r) {
        Map<String, Supplier.Validity> certifications = new HashMap<>();
        for (String held : split(r.get("certifications"))) {
            String[] parts = held.split(":");
            certifications.put(parts[0], new Supplier.Validity(null, LocalDate.parse(parts[1])));
        }
        Supplier.Capacity capacity = r.get("capacity").isEmpty() ? null : new Supplier.Capacity(
                Double.parseDouble(r.get("capacity")), r.get("capacity_unit"), Double.parseDouble(r.get("available_percent")));
        return new Supplier(r.get("company_id"), 0, r.get("name"), r.get("siren"), r.get("naf_code"),
                Set.copyOf(split(r.get("processes"))), certifications, Set.copyOf(split(r.get("sectors"))),
                Set.copyOf(split(r.get("labels"))), capacity,
                new GeoPoint(Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude"))), r.get("region"),
                Boolean.parseBoolean(r.get("active")),
                r.get("last_confirmed").isEmpty() ? null : LocalDate.parse(r.get("last_confirmed")), "pme@cci.fr");
    }

    private static Demand demand(CSVRecord r) {
        return new Demand(r.get("demand_id"), 0, r.get("title"), "Groupe", null, r.get("buyer_siren"),
                Set.copyOf(split(r.get("required"))), Set.copyOf(split(r.get("preferred"))), split(r.get("target_naf")),
                Set.copyOf(split(r.get("certification"))),
                new Demand.Volume(Double.parseDouble(r.get("volume")), r.get("unit")), LocalDate.parse(r.get("start")),
                r.get("sector").isEmpty() ? null : r.get("sector"), Demand.Reach.RADIUS,
                new GeoPoint(Double.parseDouble(r.get("latitude")), Double.parseDouble(r.get("longitude"))),
                Integer.parseInt(r.get("max_km")), Set.of(), true, "gc@cci.fr");
    }

    private static List<String> split(String cell) {
        return cell == null || cell.isBlank() ? List.of() : List.of(cell.split("\\|"));
    }

    private static List<CSVRecord> read(String file) throws IOException {
        try (Reader reader = new InputStreamReader(EvaluationSetTest.class.getResourceAsStream("/evaluation/" + file),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
