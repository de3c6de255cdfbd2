package fr.relocmatch.matching.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.relocmatch.matching.domain.ScoreFormula.Part;
import fr.relocmatch.matching.domain.Weights;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What weights do to the matching evaluation set: its 30 demands, each profile graded 0–3 by an
 * adviser's written rules (README of {@code local-launcher/src/test/resources/evaluation}), and the
 * candidates the scorer proposed with the part values it found for them
 * ({@code evaluation/scored-candidates.json}, written by {@code EvaluationIT}). Each demand's
 * candidates are ranked again under the weights — the top 10 above the minimum score, as the
 * service does — and measured as {@code EvaluationIT} measures a live ranking: P@5 and nDCG@10.
 * A profile the scorer did not propose when the file was written cannot come in here.
 */
final class EvaluationEffect {

    static final String RESOURCE = "/evaluation/scored-candidates.json";

    /** P@5 and nDCG@10, means over the demands. */
    record Measures(double precisionAt5, double ndcgAt10) {
    }

    /** The set under the weights applied and under the fitted ones. */
    record Effect(int demands, Measures before, Measures after) {
    }

    private record Candidate(String profile, Map<Part, Double> parts) {
    }

    private record Scored(String profile, double score) {
    }

    private record GradedDemand(Map<String, Integer> grades, List<Candidate> candidates) {
    }

    private final List<GradedDemand> demands;
    private final int topK;
    private final double minScore;

    private EvaluationEffect(List<GradedDemand> demands, int topK, double minScore) {
        this.demands = demands;
        this.topK = topK;
        this.minScore = minScore;
    }

    /** The set shipped with the service. */
    static EvaluationEffect shipped(int topK, double minScore) {
        try (InputStream in = EvaluationEffect.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            List<GradedDemand> demands = new ArrayList<>();
            for (JsonNode demand : JsonMapper.builder().build().readTree(in).get("demands")) {
                Map<String, Integer> grades = new HashMap<>();
                demand.get("grades").properties().forEach(e -> grades.put(e.getKey(), e.getValue().asInt()));
                List<Candidate> candidates = new ArrayList<>();
                for (JsonNode candidate : demand.get("candidates")) {
                    Map<Part, Double> parts = new EnumMap<>(Part.class);
                    candidate.get("parts").properties().forEach(e -> parts.put(Part.ofKey(e.getKey()), e.getValue().asDouble()));
                    candidates.add(new Candidate(candidate.get("profile").asString(), parts));
                }
                demands.add(new GradedDemand(grades, candidates));
            }
            return new EvaluationEffect(demands, topK, minScore);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Effect of(Weights before, Weights after) {
        return new Effect(demands.size(), measure(before), measure(after));
    }

    Measures measure(Weights weights) {
        double precision = 0;
        double ndcg = 0;
        for (GradedDemand demand : demands) {
            List<String> ranking = demand.candidates().stream()
                    .map(c -> new Scored(c.profile(), weights.score(c.parts())))
                    .filter(c -> c.score() >= minScore)
                    .sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::profile))
                    .limit(topK).map(Scored::profile).toList();
            Map<String, Integer> grades = demand.grades();
            long relevant = grades.values().stream().filter(g -> g >= 2).count();
            precision += relevant == 0 ? 1
                    : (double) ranking.stream().limit(5).filter(p -> grades.getOrDefault(p, 0) >= 2).count() / Math.min(5, relevant);
            double ideal = dcg(grades.values().stream().sorted(Comparator.reverseOrder()).limit(10).toList());
            ndcg += ideal == 0 ? 1 : dcg(ranking.stream().limit(10).map(p -> grades.getOrDefault(p, 0)).toList()) / ideal;
        }
        int n = Math.max(1, demands.size());
        return new Measures(Math.round(precision / n * 1000) / 1000.0, Math.round(ndcg / n * 1000) / 1000.0);
    }

    /** Gain 2^grade − 1, discounted by log2(position + 1). */
    private static double dcg(List<Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < grades.size(); i++) {
            dcg += (Math.pow(2, grades.get(i)) - 1) / (Math.log(i + 2) / Math.log(2));
        }
        return dcg;
    }
}
