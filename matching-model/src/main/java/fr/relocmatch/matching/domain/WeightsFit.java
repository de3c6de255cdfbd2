package fr.relocmatch.matching.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

import fr.relocmatch.matching.domain.ScoreFormula.Part;

/**
 * Fits the score weights to advisers' decisions: an L2-regularised logistic regression (LIBLINEAR)
 * of "accepted" on the values of the score parts of each decided match, as the adviser saw them.
 * Within a demand a score ranks as its weighted sum does, so weights proportional to the
 * regression's coefficients rank decided pairs the way the decisions went.
 *
 * <ul>
 * <li>A part that did not apply to a decided match (no volume, no sector…) counts at the mean of
 * the decisions it applied to: it tells nothing either way.
 * <li>A part is learnt only when its value differs between decisions; the others keep their weight
 * (nothing learnt of them).
 * <li>The learnt parts share what they weighed before, in proportion to their positive
 * coefficients; none falls under {@value #FLOOR}, so every part still shows in the explanation. A
 * part whose higher values go with rejections gets the floor.
 * </ul>
 */
public final class WeightsFit {

    /** The least weight a learnt part gets. */
    public static final double FLOOR = 0.01;

    /** One decided match: the values of the parts that applied to its demand, and whether it was accepted. */
    public record Decision(Map<Part, Double> values, boolean accepted) {

        public Decision {
            Map<Part, Double> copy = new EnumMap<>(Part.class);
            copy.putAll(values);
            values = Collections.unmodifiableMap(copy);
        }
    }

    /**
     * @param weights      the fitted weights
     * @param coefficients each learnt part's coefficient: log-odds of an acceptance per unit of its value
     * @param learnt       the parts whose weight comes from the decisions
     */
    public record Result(Weights weights, Map<Part, Double> coefficients, Set<Part> learnt) {
    }

    private WeightsFit() {
    }

    /**
     * @param decisions      at least one accepted and one rejected
     * @param current        the weights now applied: what parts not learnt keep, and what learnt ones share
     * @param regularisation LIBLINEAR's C: the smaller, the more the coefficients are held towards 0
     * @throws IllegalArgumentException when the decisions are all of one kind, no part differs
     *         between them, or none of them favours an acceptance
     */
    public static Result fit(List<Decision> decisions, Weights current, double regularisation) {
        if (decisions.stream().allMatch(Decision::accepted) || decisions.stream().noneMatch(Decision::accepted)) {
            throw new IllegalArgumentException("the decisions must include acceptances and rejections");
        }
        Map<Part, Double> means = new EnumMap<>(Part.class);
        List<Part> learnt = new ArrayList<>();
        for (Part part : Part.values()) {
            double[] applied = decisions.stream().filter(d -> d.values().containsKey(part))
                    .mapToDouble(d -> d.values().get(part)).toArray();
            double min = Arrays.stream(applied).min().orElse(0);
            double max = Arrays.stream(applied).max().orElse(0);
            if (max > min) {
                learnt.add(part);
                means.put(part, Arrays.stream(applied).average().orElseThrow());
            }
        }
        if (learnt.isEmpty()) {
            throw new IllegalArgumentException("no part of the score differs between the decisions");
        }
        Problem problem = new Problem();
        problem.l = decisions.size();
        problem.n = learnt.size();
        problem.bias = 1; // an intercept, not held towards 0: how often advisers accept at all
        problem.x = new Feature[decisions.size()][];
        problem.y = new double[decisions.size()];
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            Feature[] row = new Feature[learnt.size()];
            for (int j = 0; j < learnt.size(); j++) {
                Part part = learnt.get(j);
                row[j] = new FeatureNode(j + 1, decision.values().getOrDefault(part, means.get(part)));
            }
            problem.x[i] = row;
            problem.y[i] = decision.accepted() ? 1 : -1;
        }
        Parameter parameter = new Parameter(SolverType.L2R_LR, regularisation, 1e-4);
        parameter.setRegularizeBias(false);
        Model model;
        synchronized (Linear.class) { // its debug output switch is global
            Linear.disableDebugOutput();
            model = Linear.train(problem, parameter);
        }
        // the coefficients favour the model's first label
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] beta = model.getFeatureWeights();
        Map<Part, Double> coefficients = new EnumMap<>(Part.class);
        double positive = 0;
        double budget = 0;
        for (int j = 0; j < learnt.size(); j++) {
            double coefficient = sign * beta[j];
            coefficients.put(learnt.get(j), coefficient);
            positive += Math.max(coefficient, 0);
            budget += current.of(learnt.get(j));
        }
        if (positive == 0) {
            throw new IllegalArgumentException("no part of the score goes with acceptances in these decisions");
        }
        Map<Part, Double> weights = current.byPart();
        for (Part part : learnt) {
            double share = budget * Math.max(coefficients.get(part), 0) / positive;
            weights.put(part, Math.max(FLOOR, Math.round(share * 1000) / 1000.0));
        }
        return new Result(Weights.of(weights), Collections.unmodifiableMap(coefficients),
                Collections.unmodifiableSet(EnumSet.copyOf(learnt)));
    }
}
