package fr.relocmatch.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MatchScorerTest {

    private static final GeoPoint ROUEN = new GeoPoint(49.44350, 1.10006);
    private static final GeoPoint ELBEUF = new GeoPoint(49.28689, 1.00835);
    private static final GeoPoint LILLE = new GeoPoint(50.63046, 3.07134);

    private final MatchScorer scorer = new MatchScorer(new Weights(0.6, 0.4));

    private static Demand bathLinen() {
        return Demand.withinRadius("d1", 0, "Linge de bain", "Groupe Maison", "552100554",
                Set.of("WEAVING", "HOME_TEXTILES"), ROUEN, 80, true, "grands-comptes@cci.fr");
    }

    private static Supplier supplier(String id, Set<String> processes, GeoPoint site) {
        return new Supplier(id, 0, "Atelier " + id, "40" + id + "0000", processes, site, "28", true, "pme@cci.fr");
    }

    @Test
    void measuresDistanceOnTheGreatCircle() {
        assertThat(ROUEN.distanceKm(LILLE)).isCloseTo(193.0, within(0.5));
        assertThat(ROUEN.distanceKm(ROUEN)).isZero();
    }

    @Test
    void explainsEachPartWithItsWeightAndWhatIsMissing() {
        Score score = scorer.score(bathLinen(), supplier("1", Set.of("WEAVING"), ELBEUF)).orElseThrow();

        assertThat(score.parts()).extracting(ScorePart::name).containsExactly("processCoverage", "distance");
        ScorePart coverage = score.parts().getFirst();
        assertThat(coverage.value()).isEqualTo(0.5);
        assertThat(coverage.weight()).isEqualTo(0.6);
        assertThat(coverage.note()).contains("missing [HOME_TEXTILES]");
        assertThat(score.distanceKm()).isCloseTo(18.8, within(0.5));
        double proximity = 1 - score.distanceKm() / 80;
        assertThat(score.value()).isCloseTo(0.6 * 0.5 + 0.4 * proximity, within(0.001));
    }

    @Test
    void fullCoverageNextDoorScoresOne() {
        Score score = scorer.score(bathLinen(), supplier("1", Set.of("WEAVING", "HOME_TEXTILES"), ROUEN)).orElseThrow();
        assertThat(score.value()).isEqualTo(1.0);
    }

    @Test
    void rejectsSupplierBeyondTheMaximumDistance() {
        assertThat(scorer.score(bathLinen(), supplier("1", Set.of("WEAVING"), LILLE))).isEmpty();
    }

    @Test
    void rejectsSupplierCoveringNoRequiredProcess() {
        assertThat(scorer.score(bathLinen(), supplier("1", Set.of("CNC_MILLING"), ROUEN))).isEmpty();
    }

    @Test
    void rejectsInactiveSupplierClosedDemandAndTheBuyerItself() {
        Supplier inactive = new Supplier("1", 0, "Atelier", "401000000", Set.of("WEAVING"), ROUEN, "28", false, "a@cci.fr");
        assertThat(scorer.score(bathLinen(), inactive)).isEmpty();

        Demand closed = Demand.withinRadius("d1", 1, "Linge", "G", null, Set.of("WEAVING"), ROUEN, 80, false, "g@cci.fr");
        assertThat(scorer.score(closed, supplier("1", Set.of("WEAVING"), ROUEN))).isEmpty();

        Supplier buyerItself = new Supplier("2", 0, "Groupe Maison", "552100554", Set.of("WEAVING"), ROUEN, "28", true, "a@cci.fr");
        assertThat(scorer.score(bathLinen(), buyerItself)).isEmpty();
    }

    @Test
    void ranksBestFirstKeepsTopKAndDropsScoresUnderTheFloor() {
        List<Supplier> suppliers = List.of(
                supplier("1", Set.of("WEAVING"), ELBEUF),
                supplier("2", Set.of("WEAVING", "HOME_TEXTILES"), ROUEN),
                supplier("3", Set.of("WEAVING", "HOME_TEXTILES"), ELBEUF),
                supplier("4", Set.of("HOME_TEXTILES"), new GeoPoint(49.9, 1.08)), // ~50 km: weak
                supplier("5", Set.of("CNC_MILLING"), ROUEN));

        List<Candidate> best = scorer.rank(bathLinen(), suppliers, 2, 0.3);

        assertThat(best).extracting(c -> c.supplier().id()).containsExactly("2", "3");
        assertThat(best).extracting(Candidate::rank).containsExactly(1, 2);

        List<Candidate> all = scorer.rank(bathLinen(), suppliers, 10, 0.45);
        assertThat(all).extracting(c -> c.supplier().id()).containsExactly("2", "3", "1");
    }

    @Test
    void neverProposesTheBuyerItselfKnownOnlyByItsCompanyId() {
        Demand confidential = new Demand("d2", 0, "Linge", null, "c-buyer", null, Set.of("WEAVING"),
                Demand.Reach.RADIUS, ROUEN, 80, Set.of(), true, "g@cci.fr");
        Supplier buyer = new Supplier("c-buyer", 0, "Groupe", "552100554", Set.of("WEAVING"), ROUEN, "28", true, "a@cci.fr");

        assertThat(scorer.score(confidential, buyer)).isEmpty();
        assertThat(scorer.score(confidential, supplier("1", Set.of("WEAVING"), ROUEN))).isPresent();
    }

    @Test
    void regionDemandsGateOnTheSupplierRegionNotOnDistance() {
        Demand normandyOrHauts = new Demand("d3", 0, "Linge", "G", null, null, Set.of("WEAVING"),
                Demand.Reach.REGIONS, null, 0, Set.of("28", "32"), true, "g@cci.fr");
        Supplier inLille = new Supplier("9", 0, "Lille", "409000000", Set.of("WEAVING"), LILLE, "32", true, "a@cci.fr");
        Supplier inLyon = new Supplier("8", 0, "Lyon", "408000000", Set.of("WEAVING"), new GeoPoint(45.76, 4.83), "84",
                true, "a@cci.fr");

        Score score = scorer.score(normandyOrHauts, inLille).orElseThrow();
        assertThat(score.parts().get(1).note()).isEqualTo("in allowed région 32");
        assertThat(score.value()).isEqualTo(1.0);
        assertThat(scorer.score(normandyOrHauts, inLyon)).isEmpty();
    }

    @Test
    void nationwideDemandsReachEveryRegion() {
        Demand nationwide = new Demand("d4", 0, "Linge", "G", null, null, Set.of("WEAVING"),
                Demand.Reach.NATIONWIDE, null, 0, Set.of(), true, "g@cci.fr");
        Supplier inLyon = new Supplier("8", 0, "Lyon", "408000000", Set.of("WEAVING"), new GeoPoint(45.76, 4.83), "84",
                true, "a@cci.fr");

        assertThat(scorer.score(nationwide, inLyon)).hasValueSatisfying(
                score -> assertThat(score.parts().get(1).note()).isEqualTo("nationwide demand"));
    }
}
