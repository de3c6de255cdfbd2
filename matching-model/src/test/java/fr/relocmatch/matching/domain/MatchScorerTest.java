package fr.relocmatch.matching.domain;

import fr.relocmatch.reference.ScoreNotes;
import java.util.Locale;
import static fr.relocmatch.matching.domain.Pairs.ELBEUF;
import static fr.relocmatch.matching.domain.Pairs.LILLE;
import static fr.relocmatch.matching.domain.Pairs.LYON;
import static fr.relocmatch.matching.domain.Pairs.ROUEN;
import static fr.relocmatch.matching.domain.Pairs.TODAY;
import static fr.relocmatch.matching.domain.Pairs.demand;
import static fr.relocmatch.matching.domain.Pairs.supplier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MatchScorerTest {

    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private final MatchScorer scorer = new MatchScorer(Weights.defaults(), CLOCK);

    /** A part of the pair's score, whose note, whatever it says, can be written in French and in English. */
    private ScorePart part(Demand demand, Supplier supplier, String name) {
        ScorePart part = scorer.score(demand, supplier).orElseThrow().parts().stream().filter(p -> p.name().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no part " + name));
        for (Locale language : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            assertThat(ScoreNotes.shipped().render(part.noteKey(), part.facts(), language))
                    .as("%s note %s in %s", name, part.noteKey(), language).isNotNull().doesNotContain("{").doesNotContain("?");
        }
        return part;
    }

    private static String inFrench(ScorePart part) {
        return ScoreNotes.shipped().render(part.noteKey(), part.facts(), Locale.FRENCH);
    }

    @Test
    void measuresDistanceOnTheGreatCircle() {
        assertThat(ROUEN.distanceKm(LILLE)).isCloseTo(193.0, within(0.5));
        assertThat(ROUEN.distanceKm(ROUEN)).isZero();
    }

    @Nested
    class Gates {

        @Test
        void aValidPairPasses() {
            assertThat(scorer.score(demand().build(), supplier("1").build())).isPresent();
        }

        @Test
        void closedDemand() {
            assertThat(scorer.score(demand().closed().build(), supplier("1").build())).isEmpty();
        }

        @Test
        void inactiveOrNotConsentingSupplier() {
            assertThat(scorer.score(demand().build(), supplier("1").inactive().build())).isEmpty();
        }

        @Test
        void theBuyerItselfByCompanyIdOrBySiren() {
            assertThat(scorer.score(demand().buyer("1", null).build(), supplier("1").build())).isEmpty();
            assertThat(scorer.score(demand().buyer(null, "552100554").build(), supplier("1").siren("552100554").build()))
                    .isEmpty();
        }

        @Test
        void everyRequiredProcessMustBeOffered() {
            Demand demand = demand().requires("WEAVING", "DYEING_FINISHING").build();
            assertThat(scorer.score(demand, supplier("1").processes("WEAVING").build())).isEmpty();
            assertThat(scorer.score(demand, supplier("1").processes("WEAVING", "DYEING_FINISHING").build())).isPresent();
        }

        @Test
        void everyRequiredCertificationValidAtTheStartDate() {
            Demand demand = demand().certifications("ISO13485").starts(TODAY.plusMonths(6)).build();
            assertThat(scorer.score(demand, supplier("1").build())).as("not held").isEmpty();
            assertThat(scorer.score(demand, supplier("1").certified("ISO13485", TODAY.plusMonths(5)).build()))
                    .as("expires before the start").isEmpty();
            assertThat(scorer.score(demand, supplier("1").certified("ISO13485", TODAY.plusMonths(7), TODAY.plusYears(3)).build()))
                    .as("not yet valid at the start").isEmpty();
            assertThat(scorer.score(demand, supplier("1").certified("ISO13485", TODAY.plusYears(2)).build())).isPresent();
        }

        @Test
        void radiusRegionsAndNationwide() {
            assertThat(scorer.score(demand().radius(ROUEN, 80).build(), supplier("1").at(LILLE, "32").build())).isEmpty();
            assertThat(scorer.score(demand().regions("28", "32").build(), supplier("1").at(LILLE, "32").build())).isPresent();
            assertThat(scorer.score(demand().regions("28", "32").build(), supplier("1").at(LYON, "84").build())).isEmpty();
            assertThat(scorer.score(demand().nationwide().build(), supplier("1").at(LYON, "84").build())).isPresent();
        }

        @Test
        void aDeliverySiteNeverGatesARegionsOrNationwideDemand() {
            assertThat(scorer.score(demand().nationwide().deliveredTo(ROUEN).build(), supplier("1").at(LYON, "84").build()))
                    .isPresent();
            assertThat(scorer.score(demand().regions("84").deliveredTo(ROUEN).build(), supplier("1").at(LYON, "84").build()))
                    .isPresent();
        }

        @Test
        void freeCapacityUnderTheDemandsMinimumCoverage() {
            Supplier workshop = supplier("1").capacity(20_000, "PIECES", 100).build();
            Demand millions = demand().volume(1_000_000, "PIECES").build();
            assertThat(scorer.score(millions, workshop)).as("2 % of the volume, default minimum 5 %").isEmpty();
            assertThat(scorer.failedGate(millions, workshop))
                    .contains("free capacity covers 2 % of the annual volume, under the demand's minimum of 5 %");
            assertThat(scorer.score(demand().volume(1_000_000, "PIECES", 0.01).build(), workshop)).as("minimum 1 %")
                    .isPresent();
            assertThat(scorer.score(millions, supplier("2").build())).as("capacity not declared: not gated").isPresent();
            assertThat(scorer.score(millions, supplier("3").capacity(20, "TONNES", 100).build()))
                    .as("another unit: not comparable, not gated").isPresent();
        }

        @Test
        void eachFailedGateIsNamed() {
            assertThat(scorer.failedGate(demand().build(), supplier("1").build())).isEmpty();
            assertThat(scorer.failedGate(demand().closed().build(), supplier("1").build())).contains("the demand is no longer open");
            assertThat(scorer.failedGate(demand().buyer(null, "552100554").build(), supplier("1").siren("552100554").build()))
                    .contains("the supplier is an establishment of the buyer itself");
            assertThat(scorer.failedGate(demand().radius(ROUEN, 80).build(), supplier("1").at(LILLE, "32").build()))
                    .contains("the site is 193 km away, beyond the 80 km allowed");
            assertThat(scorer.failedGate(demand().requires("WEAVING", "KNITTING").build(), supplier("1").build()))
                    .contains("no longer offers the required processes [KNITTING]");
            assertThat(scorer.failedGate(demand().certifications("ISO9001").build(), supplier("1").build()))
                    .contains("does not hold the required ISO9001");
            assertThat(scorer.failedGate(demand().requires("WEAVING").sector("AUTOMOTIVE").build(),
                    supplier("1").notInterestedIn("WEAVING", "AUTOMOTIVE").build()))
                    .contains("its adviser marked it not interested in demands requiring WEAVING for AUTOMOTIVE");
            assertThat(scorer.failedGate(demand().requires("WEAVING").build(), supplier("1").notInterestedIn("WEAVING", null).build()))
                    .contains("its adviser marked it not interested in demands requiring WEAVING");
            assertThat(scorer.failedGate(demand().requires("WEAVING").sector("TEXTILE").build(),
                    supplier("1").notInterestedIn("WEAVING", "AUTOMOTIVE").notInterestedIn("HOME_TEXTILES", null).build()))
                    .as("another sector, a process the demand does not require").isEmpty();
        }
    }

    @Nested
    class Parts {

        @Test
        void preferredProcessesCoverage() {
            ScorePart part = part(demand().prefers("DYEING_FINISHING", "EMBROIDERY").build(),
                    supplier("1").processes("WEAVING", "DYEING_FINISHING").build(), "preferredProcesses");
            assertThat(part.value()).isEqualTo(0.5);
            assertThat(part.weight()).isEqualTo(0.15);
            assertThat(part.note()).isEqualTo("offers [DYEING_FINISHING]; lacks [EMBROIDERY]");
            // a code outside the shipped table (EMBROIDERY) stays a code; a known one reads as its label
            assertThat(inFrench(part)).isEqualTo("propose Ennoblissement textile (teinture, impression, apprêts) ; pas EMBROIDERY");
        }

        @Test
        void nafProximityDownTheHierarchy() {
            Demand demand = demand().naf("13.92Z").build();
            assertThat(part(demand, supplier("1").naf("13.92Z").build(), "nafProximity").value()).isEqualTo(1);
            assertThat(part(demand(). naf("13.9").build(), supplier("1").naf("13.93Z").build(), "nafProximity").value())
                    .as("inside a group target").isEqualTo(1);
            assertThat(part(demand().naf("13.92Z").build(), supplier("1").naf("13.92A").build(), "nafProximity").value())
                    .isEqualTo(0.75);
            assertThat(part(demand, supplier("1").naf("13.93Z").build(), "nafProximity").value()).isEqualTo(0.5);
            ScorePart division = part(demand, supplier("1").naf("13.20Z").build(), "nafProximity");
            assertThat(division.value()).isEqualTo(0.25);
            assertThat(division.note()).isEqualTo("13.20Z shares the division of target 13.92Z");
            assertThat(inFrench(division)).isEqualTo("activité 13.20Z de la même division que la cible 13.92Z");
            assertThat(part(demand, supplier("1").naf("25.62B").build(), "nafProximity").value()).isZero();
            assertThat(part(demand().naf("25", "13.92Z").build(), supplier("1").naf("13.92Z").build(), "nafProximity")
                    .value()).as("the best target counts").isEqualTo(1);
        }

        @Test
        void capacityFitPenalisesTooSmallAndMildlyTooLarge() {
            Demand demand = demand().volume(100_000, "PIECES").build();
            ScorePart small = part(demand, supplier("1").capacity(120_000, "PIECES", 50).build(), "capacity");
            assertThat(small.value()).isEqualTo(0.6);
            assertThat(small.note()).isEqualTo("available capacity covers 60 % of the annual volume (minimum 5 %)");
            assertThat(part(demand, supplier("1").capacity(600_000, "PIECES", 50).build(), "capacity").value()).isEqualTo(1);
            ScorePart huge = part(demand, supplier("1").capacity(10_000_000, "PIECES", 100).build(), "capacity");
            assertThat(huge.value()).isBetween(0.7, 0.9);
            assertThat(huge.note()).contains("100× the annual volume");
            assertThat(part(demand, supplier("1").capacity(1e12, "PIECES", 100).build(), "capacity").value()).isEqualTo(0.7);
            assertThat(part(demand, supplier("1").build(), "capacity").note()).isEqualTo("capacity not declared");
            assertThat(part(demand, supplier("1").capacity(50, "TONNES", 50).build(), "capacity").note())
                    .isEqualTo("capacity in TONNES, volume in PIECES: not comparable");
        }

        @Test
        void distanceDecaysToZeroAtTheRadius() {
            Score score = scorer.score(demand().radius(ROUEN, 80).build(), supplier("1").at(ELBEUF, "28").build()).orElseThrow();
            assertThat(score.distanceKm()).isCloseTo(18.8, within(0.5));
            ScorePart distance = score.parts().stream().filter(p -> p.name().equals("distance")).findFirst().orElseThrow();
            assertThat(distance.value()).isCloseTo(1 - 18.8 / 80, within(0.01));
            assertThat(distance.note()).isEqualTo("19 km of 80 km allowed");
            assertThat(inFrench(distance)).isEqualTo("19 km sur 80 km autorisés");
            assertThat(part(demand().regions("32").build(), supplier("1").at(LILLE, "32").build(), "distance").note())
                    .isEqualTo("in allowed région 32");
        }

        @Test
        void closerToTheDeliverySiteIsBetterInRegionsAndNationwideModes() {
            Demand demand = demand().regions("28", "32").deliveredTo(ROUEN).build();
            ScorePart near = part(demand, supplier("1").at(ELBEUF, "28").build(), "distance");
            ScorePart far = part(demand, supplier("2").at(LILLE, "32").build(), "distance");
            assertThat(near.value()).isGreaterThan(far.value()).isCloseTo(1 / (1 + 18.8 / 250), within(0.01));
            assertThat(far.value()).isCloseTo(1 / (1 + 193.0 / 250), within(0.01));
            assertThat(far.note()).isEqualTo("193 km from the delivery site, in allowed région 32");
            ScorePart lyon = part(demand().nationwide().deliveredTo(ROUEN).build(), supplier("3").at(LYON, "84").build(), "distance");
            assertThat(lyon.value()).isGreaterThan(0).isLessThan(far.value());
            assertThat(lyon.note()).endsWith("km from the delivery site");
            assertThat(part(demand().nationwide().build(), supplier("3").at(LYON, "84").build(), "distance").value())
                    .as("no delivery site: distance says nothing").isEqualTo(1);
        }

        @Test
        void noDeliverySiteNoDistanceShown() {
            assertThat(scorer.score(demand().regions("32").build(), supplier("1").at(LILLE, "32").build()).orElseThrow()
                    .distanceKm()).as("a régions demand without a site").isNull();
            assertThat(scorer.score(demand().nationwide().build(), supplier("1").at(LYON, "84").build()).orElseThrow()
                    .distanceKm()).as("a nationwide demand without a site").isNull();
            assertThat(scorer.score(demand().regions("32").deliveredTo(ROUEN).build(), supplier("1").at(LILLE, "32").build())
                    .orElseThrow().distanceKm()).isCloseTo(193.0, within(1.0));
        }

        @Test
        void sectorMatch() {
            assertThat(part(demand().sector("TEXTILE").build(), supplier("1").sectors("TEXTILE").build(), "sector").value())
                    .isEqualTo(1);
            ScorePart other = part(demand().sector("PHARMA").build(), supplier("1").sectors("TEXTILE").build(), "sector");
            assertThat(other.value()).isZero();
            assertThat(other.note()).isEqualTo("serves [TEXTILE], not PHARMA");
        }

        @Test
        void labels() {
            assertThat(part(demand().build(), supplier("1").labels("OFG", "EPV").build(), "labels").value()).isEqualTo(1);
            assertThat(part(demand().build(), supplier("1").labels("OFG").build(), "labels").value()).isEqualTo(0.6);
            assertThat(part(demand().build(), supplier("1").labels("EPV").build(), "labels").value()).isEqualTo(0.4);
            assertThat(part(demand().build(), supplier("1").build(), "labels").note()).isEqualTo("no label");
        }

        @Test
        void freshnessOfTheProfile() {
            assertThat(part(demand().build(), supplier("1").confirmed(TODAY.minusMonths(3)).build(), "freshness").value())
                    .isEqualTo(1);
            ScorePart year = part(demand().build(), supplier("1").confirmed(TODAY.minusMonths(15)).build(), "freshness");
            assertThat(year.value()).isCloseTo(0.6, within(0.02));
            assertThat(year.note()).isEqualTo("profile confirmed 15 months ago");
            assertThat(part(demand().build(), supplier("1").confirmed(TODAY.minusYears(5)).build(), "freshness").value())
                    .isEqualTo(0.2);
            assertThat(part(demand().build(), supplier("1").confirmed(null).build(), "freshness").note())
                    .isEqualTo("profile never confirmed");
        }

        @Test
        void certificationsExpiringInTheFirstYearAreExplained() {
            Demand demand = demand().certifications("ISO13485", "ISO9001").starts(TODAY.plusMonths(2)).build();
            ScorePart part = part(demand, supplier("1").certified("ISO13485", TODAY.plusMonths(8))
                    .certified("ISO9001", TODAY.plusYears(3)).build(), "certifications");
            assertThat(part.value()).isEqualTo(0.5);
            assertThat(part.note()).isEqualTo("ISO13485 expires " + TODAY.plusMonths(8) + ", before a year of production");
        }

        @Test
        void partsThatDoNotApplyAreLeftOutAndTheScoreIsTheirWeightedMean() {
            Score bare = scorer.score(demand().build(), supplier("1").build()).orElseThrow();
            assertThat(bare.parts()).extracting(ScorePart::name).containsExactly("distance", "labels", "freshness");
            // next door, no label, fresh: (1 × 0.25 + 0 × 0.05 + 1 × 0.05) / 0.35
            assertThat(bare.value()).isCloseTo(0.3 / 0.35, within(0.0001));

            Score full = scorer.score(demand().prefers("DYEING_FINISHING").naf("13.92Z").volume(1000, "PIECES")
                    .sector("TEXTILE").certifications("ISO9001").build(),
                    supplier("1").certified("ISO9001", TODAY.plusYears(3)).build()).orElseThrow();
            assertThat(full.parts()).extracting(ScorePart::name).containsExactly("preferredProcesses", "nafProximity",
                    "capacity", "distance", "sector", "labels", "freshness", "certifications");
            double expected = full.parts().stream().mapToDouble(p -> p.value() * p.weight()).sum()
                    / full.parts().stream().mapToDouble(ScorePart::weight).sum();
            assertThat(full.value()).isCloseTo(expected, within(0.0001));
        }
    }

    @Test
    void ranksBestFirstKeepsTopKAndDropsScoresUnderTheFloor() {
        List<Supplier> suppliers = List.of(
                supplier("1").at(ELBEUF, "28").build(),
                supplier("2").labels("OFG").build(),
                supplier("3").build(),
                supplier("4").at(new GeoPoint(49.9, 1.08), "28").confirmed(TODAY.minusYears(3)).build(),
                supplier("5").processes("CNC_MILLING").build());

        List<Candidate> best = scorer.rank(demand().build(), suppliers, 2, 0.3);

        assertThat(best).extracting(c -> c.supplier().id()).containsExactly("2", "3");
        assertThat(best).extracting(Candidate::rank).containsExactly(1, 2);
        assertThat(scorer.rank(demand().build(), suppliers, 10, 0.5)).extracting(c -> c.supplier().id())
                .containsExactly("2", "3", "1");
    }

    @Test
    void weightsMustBeNonNegative() {
        assertThatThrownBy(() -> new Weights(-1, 0, 0, 1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Weights(1, 1, 1, 0, 1, 0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
