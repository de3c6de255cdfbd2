package fr.relocmatch.benchmark;

import java.util.Comparator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.GeoPoint;
import fr.relocmatch.matching.domain.Supplier;
import fr.relocmatch.reference.Commune;
import fr.relocmatch.reference.Communes;
import fr.relocmatch.reference.ManufacturingProcess;
import fr.relocmatch.reference.ManufacturingProcesses;

/**
 * Reproducible synthetic supplier profiles and demands over the shipped vocabularies: a trade
 * (process and one of its NAF sous-classes) per profile plus related processes of the same
 * family, sites in real communes, a few common certifications, rare labels, capacities over
 * three orders of magnitude, confirmations over three years.
 */
public final class SyntheticProfiles {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final String[] SECTORS = {"AUTOMOTIVE", "AERONAUTICS", "PHARMA", "AGRIFOOD", "TEXTILE",
            "ELECTRONICS", "MACHINERY", "CONSUMER_GOODS"};

    private final Random random;
    private final List<ManufacturingProcess> processes = new ArrayList<>(ManufacturingProcesses.shipped().all());
    private final Map<String, List<ManufacturingProcess>> byFamily = new HashMap<>();
    private final List<Commune> communes = Communes.shipped().all().stream()
            .sorted(Comparator.comparing(Commune::code)).toList();

    public SyntheticProfiles(long seed) {
        this.random = new Random(seed);
        processes.sort(Comparator.comparing(ManufacturingProcess::code));
        processes.forEach(p -> byFamily.computeIfAbsent(p.family(), k -> new ArrayList<>()).add(p));
    }

    public Supplier supplier(int i) {
        ManufacturingProcess main = processes.get(random.nextInt(processes.size()));
        Set<String> offered = new TreeSet<>();
        offered.add(main.code());
        List<ManufacturingProcess> family = byFamily.get(main.family());
        for (int extra = random.nextInt(4); extra > 0; extra--) {
            offered.add(family.get(random.nextInt(family.size())).code());
        }
        String naf = main.nafCodes().get(random.nextInt(main.nafCodes().size()));
        Commune commune = communes.get(random.nextInt(communes.size()));
        Map<String, Supplier.Validity> certifications = new HashMap<>();
        if (random.nextInt(10) < 4) {
            certifications.put("ISO9001", new Supplier.Validity(null, TODAY.plusDays(random.nextInt(1100) - 100)));
        }
        if (random.nextInt(10) == 0) {
            certifications.put("ISO14001", new Supplier.Validity(null, TODAY.plusDays(random.nextInt(1100) - 100)));
        }
        if (random.nextInt(25) == 0) {
            certifications.put(random.nextBoolean() ? "EN9100" : "ISO13485",
                    new Supplier.Validity(null, TODAY.plusDays(random.nextInt(1100) - 100)));
        }
        Set<String> labels = random.nextInt(30) == 0 ? Set.of("OFG") : random.nextInt(100) == 0 ? Set.of("EPV") : Set.of();
        Supplier.Capacity capacity = random.nextInt(5) == 0 ? null
                : new Supplier.Capacity(Math.pow(10, 3 + random.nextDouble() * 3), random.nextInt(8) == 0 ? "TONNES" : "PIECES",
                        random.nextInt(101));
        return new Supplier(String.format("c%07d", i), 0, "Entreprise " + i, String.format("%09d", 300_000_000 + i), naf,
                offered, certifications, Set.of(SECTORS[random.nextInt(SECTORS.length)]), labels, capacity,
                new GeoPoint(commune.latitude(), commune.longitude()), commune.regionCode(), random.nextInt(20) != 0,
                TODAY.minusDays(random.nextInt(1100)), "conseiller@cci.fr");
    }

    public List<Supplier> suppliers(int count) {
        List<Supplier> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(supplier(i));
        }
        return all;
    }

    /** How far a benchmark demand reaches, and for which process. */
    public enum Kind {
        /** A radius of 50–200 km around a commune. */
        RADIUS,
        /** One to three régions, the commune's included. */
        REGIONS,
        /** Anywhere, distance a soft part of the score. */
        NATIONWIDE,
        /** Anywhere, for the one process most profiles offer: the widest candidate set. */
        NATIONWIDE_COMMON
    }

    /** A demand for a trade: one or two required processes, a target NAF class, a radius of 50–200 km. */
    public Demand demand(int i) {
        return demand(i, Kind.RADIUS, null);
    }

    /**
     * A demand of a kind; draws as {@link #demand(int)} does, then widens its reach.
     *
     * @param common the process most profiles offer (for {@link Kind#NATIONWIDE_COMMON})
     */
    public Demand demand(int i, Kind kind, String common) {
        ManufacturingProcess main = processes.get(random.nextInt(processes.size()));
        List<ManufacturingProcess> family = byFamily.get(main.family());
        Set<String> required = new TreeSet<>(Set.of(main.code()));
        if (random.nextBoolean()) {
            required.add(family.get(random.nextInt(family.size())).code());
        }
        Set<String> preferred = Set.of(family.get(random.nextInt(family.size())).code());
        String naf = main.nafCodes().getFirst().substring(0, 5);
        Commune commune = communes.get(random.nextInt(communes.size()));
        Set<String> certifications = random.nextInt(4) == 0 ? Set.of("ISO9001") : Set.of();
        Demand.Volume volume = new Demand.Volume(Math.pow(10, 3 + random.nextDouble() * 2.5), "PIECES", 0.05);
        String sector = SECTORS[random.nextInt(SECTORS.length)];
        int radius = 50 + random.nextInt(151);
        GeoPoint site = new GeoPoint(commune.latitude(), commune.longitude());
        return switch (kind) {
            case RADIUS -> new Demand("d" + i, 0, "Demande " + i, "Groupe", "g" + i, null, required, preferred, List.of(naf),
                    certifications, volume, TODAY.plusMonths(3), sector, Demand.Reach.RADIUS, site, radius, Set.of(), true,
                    "gc@cci.fr");
            case REGIONS -> {
                Set<String> regions = new TreeSet<>(Set.of(commune.regionCode()));
                for (int extra = random.nextInt(3); extra > 0; extra--) {
                    regions.add(communes.get(random.nextInt(communes.size())).regionCode());
                }
                yield new Demand("d" + i, 0, "Demande " + i, "Groupe", "g" + i, null, required, preferred, List.of(naf),
                        certifications, volume, TODAY.plusMonths(3), sector, Demand.Reach.REGIONS, site, 0, regions, true,
                        "gc@cci.fr");
            }
            case NATIONWIDE -> new Demand("d" + i, 0, "Demande " + i, "Groupe", "g" + i, null, required, preferred,
                    List.of(naf), certifications, volume, TODAY.plusMonths(3), sector, Demand.Reach.NATIONWIDE, site, 0,
                    Set.of(), true, "gc@cci.fr");
            case NATIONWIDE_COMMON -> new Demand("d" + i, 0, "Demande " + i, "Groupe", "g" + i, null, Set.of(common),
                    preferred, List.of(naf), Set.of(), volume, TODAY.plusMonths(3), sector, Demand.Reach.NATIONWIDE, site, 0,
                    Set.of(), true, "gc@cci.fr");
        };
    }

    /** The process the most profiles offer. */
    public static String mostCommonProcess(List<Supplier> suppliers) {
        Map<String, Integer> counts = new HashMap<>();
        suppliers.forEach(s -> s.processes().forEach(p -> counts.merge(p, 1, Integer::sum)));
        return counts.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
    }
}
