package fr.relocmatch.launcher;

import java.util.Comparator;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.SharedInfrastructure;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;


/**
 * The matching evaluation set (see {@code src/test/resources/evaluation/README.md}) loaded through
 * the REST APIs of company-service and demand-service into running services, ranked by
 * matching-service from the events, read back from its REST API and measured against an adviser's
 * grades: P@5 and nDCG@10 per demand and overall. The services get a Kafka broker and databases of
 * their own, so that no other test's profile enters a ranking.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationIT {

    /** Floors at what was measured when the set was made (see the set's README, "Results"). */
    private static final double P_AT_5_FLOOR = 0.97;
    private static final double NDCG_AT_10_FLOOR = 0.96;


    private EmbeddedKafkaKraftBroker broker;
    private Services services;

    @BeforeAll
    void startServicesOfTheirOwn() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.afterPropertiesSet();
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : List.of("company-service", "demand-service", "matching-service")) {
            ports.put(name, RunningServices.freePort());
        }
        Path projectRoot = Path.of("").toAbsolutePath().getParent();
        services = Services.start(projectRoot, ports, KafkaClients.plaintext(broker.getBrokersAsString()), infrastructure.mongoUri(),
                infrastructure.smtpPort(), Callers.access(), projectRoot.resolve("local-launcher/target/e2e-logs/evaluation"),
                Duration.ofMinutes(3),
                name -> Map.of("spring.mongodb.database", "relocmatch-" + name.replace("-service", "") + "-evaluation"));
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void rankingsLoadedThroughTheApisAgreeWithTheAdvisersGrades() throws IOException {
        EvaluationSet set = new EvaluationSet();
        Map<String, Map<String, Integer>> grades = grades();
        Map<String, String> profileKeys = set.loadCompanies(Callers.api(services.baseUrl("company-service"), Callers.REFERENT));
        Map<String, String> demandIds = set.openDemands(Callers.api(services.baseUrl("demand-service"), Callers.REFERENT), index -> { });
        Map<String, List<String>> rankings = EvaluationSet.settledRankings(Callers.api(services.baseUrl("matching-service"), Callers.REFERENT),
                demandIds, id -> profileKeys.getOrDefault(id, "?"));

        Report report = new Report();
        for (Map.Entry<String, List<String>> ranking : rankings.entrySet()) {
            report.add(ranking.getKey(), ranking.getValue(), grades.getOrDefault(ranking.getKey(), Map.of()));
        }
        String table = report.table();
        System.out.println(table);
        Path out = Path.of("target/evaluation/report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);

        EvaluationSet.writeScoredCandidates(Callers.api(services.baseUrl("matching-service"), Callers.REFERENT), demandIds,
                id -> profileKeys.getOrDefault(id, "?"), grades, Path.of("target/evaluation/scored-candidates.json"));

        assertThat(report.hardNegativesProposed).as("profiles failing a hard requirement, proposed").isEmpty();
        assertThat(report.meanPrecision()).as("P@5 over the 30 demands").isGreaterThanOrEqualTo(P_AT_5_FLOOR);
        assertThat(report.meanNdcg()).as("nDCG@10 over the 30 demands").isGreaterThanOrEqualTo(NDCG_AT_10_FLOOR);
    }




    /** demand key → profile key → grade, for every graded pair (absent: 0). */
    private static Map<String, Map<String, Integer>> grades() throws IOException {
        Map<String, Map<String, Integer>> grades = new HashMap<>();
        List<String> lines = Files.readAllLines(EvaluationSet.FOLDER.resolve("grades.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", 4);
            grades.computeIfAbsent(cells[0], k -> new HashMap<>()).put(cells[1], Integer.parseInt(cells[2]));
        }
        return grades;
    }

    /** P@5 and nDCG@10 per demand, as the set's README defines them. */
    static final class Report {

        private final List<String> rows = new ArrayList<>();
        private final List<Double> precisions = new ArrayList<>();
        private final List<Double> ndcgs = new ArrayList<>();
        final List<String> hardNegativesProposed = new ArrayList<>();

        void add(String demand, List<String> ranking, Map<String, Integer> grades) {
            long relevant = grades.values().stream().filter(g -> g >= 2).count();
            List<String> top5 = ranking.subList(0, Math.min(5, ranking.size()));
            double precision = relevant == 0 ? 1
                    : (double) top5.stream().filter(p -> grades.getOrDefault(p, 0) >= 2).count() / Math.min(5, relevant);
            double dcg = dcg(ranking.stream().limit(10).map(p -> grades.getOrDefault(p, 0)).toList());
            double ideal = dcg(grades.values().stream().sorted(Comparator.reverseOrder()).limit(10).toList());
            double ndcg = ideal == 0 ? 1 : dcg / ideal;
            precisions.add(precision);
            ndcgs.add(ndcg);
            ranking.stream().filter(p -> p.startsWith(demand + "-n-") || grades.getOrDefault(p, -1) == 0)
                    .forEach(p -> hardNegativesProposed.add(demand + ": " + p));
            rows.add(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %s |", demand, relevant, ranking.size(),
                    precision, ndcg, String.join(" ", ranking.stream().limit(10)
                            .map(p -> p.replace(demand + "-", "") + ":" + grades.getOrDefault(p, 0)).toList())));
        }

        double meanPrecision() {
            return precisions.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        double meanNdcg() {
            return ndcgs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        String table() {
            return "| demand | relevant (grade ≥ 2) | proposed | P@5 | nDCG@10 | top 10 (profile:grade) |\n"
                    + "| --- | --- | --- | --- | --- | --- |\n" + String.join("\n", rows) + "\n"
                    + String.format(Locale.ROOT, "| **all %d** | | | **%.3f** | **%.3f** | |%n", rows.size(), meanPrecision(),
                            meanNdcg());
        }

        private static double dcg(List<Integer> gains) {
            double sum = 0;
            for (int i = 0; i < gains.size(); i++) {
                sum += (Math.pow(2, gains.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
            }
            return sum;
        }
    }
}
