package fr.relocmatch.matching.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.relocmatch.matching.domain.ScoreFormula.Part;

/**
 * What other weights change in the rankings of demands already decided on: each stored match of
 * those demands is scored again from the part values it was explained with, under the weights
 * before and after, and ranked among its demand's.
 */
public final class RankingEffect {

    /**
     * One stored match.
     *
     * @param accepted true or false when an adviser decided it, null otherwise
     */
    public record Ranked(String demandId, Map<Part, Double> values, Boolean accepted) {
    }

    /**
     * @param acceptedUp   accepted matches ranked higher among their demand's after than before
     * @param pairsInOrder (accepted, rejected) pairs of a demand with the accepted one scored higher, before and after
     */
    public record Effect(int accepted, int acceptedUp, int acceptedDown, int rejected, int rejectedUp, int rejectedDown,
            int pairs, int pairsInOrderBefore, int pairsInOrderAfter) {
    }

    private RankingEffect() {
    }

    public static Effect of(Collection<Ranked> matches, Weights before, Weights after) {
        int accepted = 0, acceptedUp = 0, acceptedDown = 0, rejected = 0, rejectedUp = 0, rejectedDown = 0;
        int pairs = 0, inOrderBefore = 0, inOrderAfter = 0;
        Map<String, List<Ranked>> byDemand = matches.stream().collect(Collectors.groupingBy(Ranked::demandId));
        for (List<Ranked> demand : byDemand.values()) {
            double[] old = demand.stream().mapToDouble(m -> before.score(m.values())).toArray();
            double[] now = demand.stream().mapToDouble(m -> after.score(m.values())).toArray();
            for (int i = 0; i < demand.size(); i++) {
                Boolean decision = demand.get(i).accepted();
                if (decision == null) {
                    continue;
                }
                int move = Integer.compare(rank(old, i), rank(now, i)); // 1: a smaller rank, higher up
                if (decision) {
                    accepted++;
                    acceptedUp += move > 0 ? 1 : 0;
                    acceptedDown += move < 0 ? 1 : 0;
                    for (int j = 0; j < demand.size(); j++) {
                        if (Boolean.FALSE.equals(demand.get(j).accepted())) {
                            pairs++;
                            inOrderBefore += old[i] > old[j] ? 1 : 0;
                            inOrderAfter += now[i] > now[j] ? 1 : 0;
                        }
                    }
                }
                else {
                    rejected++;
                    rejectedUp += move > 0 ? 1 : 0;
                    rejectedDown += move < 0 ? 1 : 0;
                }
            }
        }
        return new Effect(accepted, acceptedUp, acceptedDown, rejected, rejectedUp, rejectedDown, pairs, inOrderBefore,
                inOrderAfter);
    }

    /** 1 + how many of the demand's matches score strictly higher. */
    private static int rank(double[] scores, int i) {
        int rank = 1;
        for (double score : scores) {
            rank += score > scores[i] ? 1 : 0;
        }
        return rank;
    }
}
