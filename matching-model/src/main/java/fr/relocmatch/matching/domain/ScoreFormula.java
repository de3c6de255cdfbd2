package fr.relocmatch.matching.domain;

/**
 * The score of a pair, written once: the weighted mean of the parts that apply to the demand, each
 * part's value rounded to 4 decimals, summed in one fixed order ({@link Part}'s), the result rounded
 * to 4 decimals. The explaining scorer ({@link MatchScorer}), the columnar index
 * ({@link SupplierIndex}) and the benchmark's baseline compute the part values their own way — from
 * objects, from columns, from doc values — and all combine them here, so they agree to the bit.
 *
 * <p>One instance per demand; it holds no supplier state and may be shared by threads.
 */
public final class ScoreFormula {

    /** The parts of a score, in the order they are summed and explained. */
    public enum Part {
        PREFERRED_PROCESSES("preferredProcesses"), NAF_PROXIMITY("nafProximity"), CAPACITY("capacity"),
        DISTANCE("distance"), SECTOR("sector"), LABELS("labels"), FRESHNESS("freshness"),
        CERTIFICATIONS("certifications");

        private final String key;

        Part(String key) {
            this.key = key;
        }

        /** The part's name in a match's explanation ({@code preferredProcesses}…). */
        public String key() {
            return key;
        }

        /** The part named so in an explanation, or null. */
        public static Part ofKey(String key) {
            for (Part part : values()) {
                if (part.key.equals(key)) {
                    return part;
                }
            }
            return null;
        }
    }

    private static final Part[] PARTS = Part.values();

    private final boolean[] applies = new boolean[PARTS.length];
    private final double[] weights = new double[PARTS.length];
    /** The parts that apply, in order, and their weights: what {@link #score} loops over. */
    private final int[] applying;
    private final double[] applyingWeights;
    private final double weightSum;

    private ScoreFormula(Demand demand, Weights weights) {
        set(Part.PREFERRED_PROCESSES, !demand.preferredProcesses().isEmpty(), weights.preferredProcesses());
        set(Part.NAF_PROXIMITY, !demand.targetNafCodes().isEmpty(), weights.nafProximity());
        set(Part.CAPACITY, demand.annualVolume() != null, weights.capacity());
        set(Part.DISTANCE, true, weights.distance());
        set(Part.SECTOR, demand.sector() != null, weights.sector());
        set(Part.LABELS, true, weights.labels());
        set(Part.FRESHNESS, true, weights.freshness());
        set(Part.CERTIFICATIONS, !demand.requiredCertifications().isEmpty(), weights.certifications());
        int count = 0;
        for (boolean a : applies) {
            count += a ? 1 : 0;
        }
        applying = new int[count];
        applyingWeights = new double[count];
        double sum = 0;
        for (int i = 0, j = 0; i < PARTS.length; i++) {
            if (applies[i]) {
                applying[j] = i;
                applyingWeights[j++] = this.weights[i];
                sum += this.weights[i]; // in the same order as the weighted sum: the same double every time
            }
        }
        weightSum = sum;
    }

    /** The formula of a demand: which parts apply to it, with which weights. */
    public static ScoreFormula of(Demand demand, Weights weights) {
        return new ScoreFormula(demand, weights);
    }

    private void set(Part part, boolean applies, double weight) {
        this.applies[part.ordinal()] = applies;
        this.weights[part.ordinal()] = weight;
    }

    /**
     * Whether a part counts for this demand: the preferred processes, NAF proximity, capacity,
     * sector and certification parts only when the demand says what they compare with.
     */
    public boolean applies(Part part) {
        return applies[part.ordinal()];
    }

    public double weight(Part part) {
        return weights[part.ordinal()];
    }

    /** A place for the values of one pair, indexed by {@link Part#ordinal()}; reuse it from pair to pair. */
    public static double[] values() {
        return new double[PARTS.length];
    }

    /** The score of a pair from its part values (those of parts that do not apply are ignored). */
    public double score(double[] values) {
        double weighted = 0;
        for (int j = 0; j < applying.length; j++) {
            weighted += PartValues.round(values[applying[j]]) * applyingWeights[j];
        }
        return PartValues.round(weightSum == 0 ? 0 : weighted / weightSum);
    }

    /**
     * A bound of the score the pair could reach whatever the value of {@code unknown} (taken as 1):
     * never below {@link #score} of the same values with any {@code unknown} in [0, 1] — the part
     * values are not rounded here, and 0.001 covers the rounding — so that a costly part (the
     * distance) is skipped only for a pair that cannot enter the best k.
     */
    public double bestCase(double[] values, Part unknown) {
        int skipped = unknown.ordinal();
        double weighted = 0;
        for (int j = 0; j < applying.length; j++) {
            weighted += (applying[j] == skipped ? 1 : values[applying[j]]) * applyingWeights[j];
        }
        return (weightSum == 0 ? 0 : weighted / weightSum) + 0.001;
    }
}
