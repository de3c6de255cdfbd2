package fr.relocmatch.matching.domain;

import java.util.Locale;

/**
 * The value of each score part, as pure functions of a few numbers, so that the explaining scorer,
 * the columnar index and the benchmark's baseline value the parts alike ({@link ScoreFormula}
 * combines them).
 */
public final class PartValues {

    /** Below this ratio of available capacity to volume the value is the ratio itself. */
    static final double CAPACITY_COMFORT = 5;
    static final double FRESH_MONTHS = 6;
    static final double STALE_MONTHS = 24;
    /** The value of a capacity or freshness that is not known. */
    public static final double NOT_DECLARED = 0.3;

    private PartValues() {
    }

    /** Share of the preferred processes offered. */
    public static double coverage(int offered, int wanted) {
        return wanted == 0 ? 1 : (double) offered / wanted;
    }

    /**
     * How close a supplier's NAF sous-classe ({@code 25.62B}) is to a target code of any level
     * ({@code 25}, {@code 25.6}, {@code 25.62}, {@code 25.62B}): 1 inside the target, then by the
     * deepest level they share — class 0.75, group 0.5, division 0.25 — else 0.
     */
    public static double nafProximity(String supplierNaf, String target) {
        if (supplierNaf == null || target == null) {
            return 0;
        }
        if (supplierNaf.startsWith(target)) {
            return 1;
        }
        if (target.length() >= 5 && supplierNaf.regionMatches(0, target, 0, 5)) {
            return 0.75;
        }
        if (target.length() >= 4 && supplierNaf.regionMatches(0, target, 0, 4)) {
            return 0.5;
        }
        if (supplierNaf.regionMatches(0, target, 0, 2)) {
            return 0.25;
        }
        return 0;
    }

    /**
     * Fit of the available capacity to the annual volume: too small is penalised in proportion,
     * up to {@value #CAPACITY_COMFORT}× is ideal, far larger is mildly penalised (the demand would
     * be a small account), never below 0.7.
     */
    public static double capacity(double available, double volume) {
        if (volume <= 0) {
            return 1;
        }
        double ratio = available / volume;
        if (ratio < 1) {
            return Math.max(0, ratio);
        }
        if (ratio <= CAPACITY_COMFORT) {
            return 1;
        }
        return Math.max(0.7, 1 - 0.1 * Math.log(ratio / CAPACITY_COMFORT) / Math.log(2));
    }

    /**
     * Whether free capacity covers less than the least share of the volume the demand accepts: a
     * hard gate (a workshop of a few people for millions of pieces is not proposed).
     */
    public static boolean belowMinimumCoverage(double available, double volume, double minimumCoverage) {
        return volume > 0 && available / volume < minimumCoverage;
    }

    /** Distance at which the soft distance part of a régions or nationwide demand is worth one half. */
    static final double HALF_VALUE_KM = 250;

    /**
     * Distance to the delivery site of a régions or nationwide demand, never a gate: 1 at the site,
     * 1/2 at {@value #HALF_VALUE_KM} km, 1/3 at twice that.
     */
    public static double softDistance(double km) {
        return 1 / (1 + km / HALF_VALUE_KM);
    }

    /** 1 at the site, 0 at the edge of the radius. */
    public static double distance(double km, int maxKm) {
        return maxKm <= 0 ? 1 : Math.max(0, 1 - km / maxKm);
    }

    /**
     * The distance part of any demand: linear to the edge of a radius; {@link #softDistance} to the
     * delivery site of a régions or nationwide demand; 1 when such a demand names no site.
     */
    public static double distance(Demand.Reach reach, boolean hasSite, double km, int maxKm) {
        if (reach == Demand.Reach.RADIUS) {
            return distance(km, maxKm);
        }
        return hasSite ? softDistance(km) : 1;
    }

    /** Share of the required certifications still valid a year into production. */
    public static double renewal(int expiring, int required) {
        return required == 0 ? 1 : 1 - (double) expiring / required;
    }

    /** Origine France Garantie counts 0.6, Entreprise du patrimoine vivant 0.4. */
    public static double labels(boolean ofg, boolean epv) {
        return (ofg ? 0.6 : 0) + (epv ? 0.4 : 0);
    }

    /** 1 when confirmed within 6 months, down to 0.2 at 24 months and beyond; 0.3 when never confirmed. */
    public static double freshness(long daysSinceConfirmed) {
        if (daysSinceConfirmed < 0) {
            return NOT_DECLARED;
        }
        double months = daysSinceConfirmed / 30.44;
        if (months <= FRESH_MONTHS) {
            return 1;
        }
        if (months >= STALE_MONTHS) {
            return 0.2;
        }
        return 1 - 0.8 * (months - FRESH_MONTHS) / (STALE_MONTHS - FRESH_MONTHS);
    }

    /** {@code 2 %}, {@code 0.5 %}, {@code 40 %}: one decimal only where it matters. */
    static String percent(double value) {
        double p = value * 100;
        return String.format(Locale.ROOT, p >= 10 || p == Math.rint(p) ? "%.0f %%" : "%.1f %%", p);
    }

    /** Scores are rounded to 4 decimals, so that ties are ties whichever way they are computed. */
    public static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
