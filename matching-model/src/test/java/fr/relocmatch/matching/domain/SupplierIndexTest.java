package fr.relocmatch.matching.domain;

import java.util.Collections;
import static fr.relocmatch.matching.domain.Pairs.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The columnar index finds exactly what the one-object-per-profile scorer finds, explained the same. */
class SupplierIndexTest {

    private static final String[] PROCESSES = {"WEAVING", "HOME_TEXTILES", "CUT_AND_SEW", "DYEING_FINISHING",
            "CNC_MILLING", "CNC_TURNING", "INJECTION_MOULDING"};
    private static final String[] NAF = {"13.92Z", "13.20Z", "13.93Z", "14.13Z", "25.62A", "25.62B", "22.29A"};
    private static final String[] CERTIFICATIONS = {"ISO9001", "ISO13485", "EN9100"};
    private static final String[] SECTORS = {"TEXTILE", "AUTOMOTIVE", "PHARMA"};

    private final MatchScorer scorer = new MatchScorer(Weights.defaults(), MatchScorerTest.CLOCK);

    @Test
    void givesTheSameTopKAsTheNaiveScorerOnRandomProfilesAndDemands() {
        Random random = new Random(7);
        List<Supplier> suppliers = new ArrayList<>();
        SupplierIndex index = new SupplierIndex(scorer);
        for (int i = 0; i < 3000; i++) {
            Supplier supplier = randomSupplier(random, "s" + i);
            suppliers.add(supplier);
            index.put(supplier);
        }
        for (int d = 0; d < 200; d++) {
            Demand demand = randomDemand(random, "d" + d);
            List<Candidate> naive = scorer.rank(demand, suppliers, 10, 0.3);
            List<Candidate> indexed = index.rank(demand, 10, 0.3);
            assertThat(indexed).as(demand.toString()).isEqualTo(naive);
        }
    }

    @Test
    void compactingKeepsEveryAnswerThroughLaterChanges() {
        Random random = new Random(11);
        List<Supplier> suppliers = new ArrayList<>();
        SupplierIndex index = new SupplierIndex(scorer);
        for (int i = 0; i < 2000; i++) {
            Supplier supplier = randomSupplier(random, "s" + i);
            suppliers.add(supplier);
            index.put(supplier);
        }
        for (int i = 0; i < 200; i++) { // removed before compacting: their ordinals go
            index.remove(suppliers.remove(random.nextInt(suppliers.size())).id());
        }
        index.compact();
        for (int i = 0; i < 100; i++) { // changed and added after: appended
            Supplier changed = randomSupplier(random, suppliers.get(random.nextInt(suppliers.size())).id());
            suppliers.replaceAll(s -> s.id().equals(changed.id()) ? changed : s);
            index.put(changed);
            Supplier added = randomSupplier(random, "late" + i);
            suppliers.add(added);
            index.put(added);
        }

        assertThat(index.size()).isEqualTo(suppliers.size());
        for (int d = 0; d < 100; d++) {
            Demand demand = randomDemand(random, "d" + d);
            assertThat(index.rank(demand, 10, 0.3)).as(demand.toString()).isEqualTo(scorer.rank(demand, suppliers, 10, 0.3));
        }
    }

    @Test
    void replacingAndRemovingAProfileUpdatesEveryBitmap() {
        SupplierIndex index = new SupplierIndex(scorer);
        index.put(Pairs.supplier("1").processes("WEAVING").build());
        Demand weaving = Pairs.demand().requires("WEAVING").build();
        assertThat(index.rank(weaving, 10, 0)).hasSize(1);

        index.put(Pairs.supplier("1").version(1).processes("CNC_MILLING").build());
        assertThat(index.rank(weaving, 10, 0)).isEmpty();
        assertThat(index.rank(Pairs.demand().requires("CNC_MILLING").build(), 10, 0)).hasSize(1);

        index.remove("1");
        assertThat(index.rank(Pairs.demand().requires("CNC_MILLING").build(), 10, 0)).isEmpty();
        assertThat(index.size()).isZero();
        assertThat(index.get("1")).isNull();
    }

    @Test
    void aSupplierNotInterestedInAKindOfDemandIsNotItsCandidateUntilTheMarkGoes() {
        SupplierIndex index = new SupplierIndex(scorer);
        index.put(Pairs.supplier("1").processes("WEAVING", "CUT_AND_SEW").notInterestedIn("WEAVING", "AUTOMOTIVE").build());
        index.put(Pairs.supplier("2").processes("WEAVING", "CUT_AND_SEW").notInterestedIn("CUT_AND_SEW", null).build());

        assertThat(ids(index.rank(Pairs.demand().requires("WEAVING").sector("AUTOMOTIVE").build(), 10, 0))).containsExactly("2");
        assertThat(ids(index.rank(Pairs.demand().requires("WEAVING").sector("TEXTILE").build(), 10, 0)))
                .containsExactlyInAnyOrder("1", "2");
        assertThat(ids(index.rank(Pairs.demand().requires("WEAVING").build(), 10, 0))).containsExactlyInAnyOrder("1", "2");
        assertThat(ids(index.rank(Pairs.demand().requires("CUT_AND_SEW").sector("PHARMA").build(), 10, 0))).containsExactly("1");

        index.put(Pairs.supplier("1").version(1).processes("WEAVING", "CUT_AND_SEW").build());
        assertThat(ids(index.rank(Pairs.demand().requires("WEAVING").sector("AUTOMOTIVE").build(), 10, 0)))
                .containsExactlyInAnyOrder("1", "2");
    }

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.supplier().id()).toList();
    }

    static Supplier randomSupplier(Random random, String id) {
        Pairs.SupplierBuilder b = Pairs.supplier(id)
                .naf(NAF[random.nextInt(NAF.length)])
                .processes(pick(random, PROCESSES, 1 + random.nextInt(3)))
                .at(new GeoPoint(48.5 + random.nextDouble() * 2.5, -0.5 + random.nextDouble() * 4),
                        random.nextBoolean() ? "28" : "32")
                .confirmed(random.nextInt(10) == 0 ? null : TODAY.minusDays(random.nextInt(1000)));
        if (random.nextInt(20) == 0) {
            b.inactive();
        }
        for (String c : pick(random, CERTIFICATIONS, random.nextInt(3))) {
            b.certified(c, TODAY.plusDays(random.nextInt(900) - 100));
        }
        b.sectors(pick(random, SECTORS, random.nextInt(2)));
        b.labels(random.nextInt(5) == 0 ? new String[] {"OFG"} : random.nextInt(8) == 0 ? new String[] {"EPV"} : new String[0]);
        if (random.nextInt(8) == 0) {
            b.notInterestedIn(PROCESSES[random.nextInt(PROCESSES.length)],
                    random.nextBoolean() ? null : SECTORS[random.nextInt(SECTORS.length)]);
        }
        if (random.nextInt(4) != 0) {
            b.capacity(1000 + random.nextInt(1_000_000), random.nextInt(6) == 0 ? "TONNES" : "PIECES", random.nextInt(101));
        }
        return b.build();
    }

    static Demand randomDemand(Random random, String id) {
        Pairs.DemandBuilder b = Pairs.demand().id(id)
                .requires(pick(random, PROCESSES, 1 + random.nextInt(2)))
                .prefers(pick(random, PROCESSES, random.nextInt(3)))
                .buyer("s" + random.nextInt(3000), null);
        if (random.nextBoolean()) {
            b.naf(NAF[random.nextInt(NAF.length)].substring(0, 2 + random.nextInt(4)));
        }
        if (random.nextInt(3) == 0) {
            b.certifications(CERTIFICATIONS[random.nextInt(CERTIFICATIONS.length)]);
        }
        if (random.nextBoolean()) {
            b.volume(10_000 + random.nextInt(500_000), "PIECES", new double[] {0, 0.05, 0.3, 1}[random.nextInt(4)]);
        }
        if (random.nextBoolean()) {
            b.sector(SECTORS[random.nextInt(SECTORS.length)]);
        }
        switch (random.nextInt(3)) {
            case 0 -> b.radius(new GeoPoint(49 + random.nextDouble(), 0.5 + random.nextDouble() * 2), 20 + random.nextInt(150));
            case 1 -> b.regions(random.nextBoolean() ? "28" : "32");
            default -> b.nationwide();
        }
        if (random.nextBoolean()) {
            b.deliveredTo(new GeoPoint(49 + random.nextDouble(), 0.5 + random.nextDouble() * 2));
        }
        return b.build();
    }

    private static String[] pick(Random random, String[] values, int count) {
        List<String> all = new ArrayList<>(List.of(values));
        Collections.shuffle(all, random);
        return all.subList(0, Math.min(count, all.size())).toArray(String[]::new);
    }
}
