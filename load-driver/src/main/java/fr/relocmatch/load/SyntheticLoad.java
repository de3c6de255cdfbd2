package fr.relocmatch.load;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import fr.relocmatch.reference.Certifications;
import fr.relocmatch.reference.Commune;
import fr.relocmatch.reference.Communes;
import fr.relocmatch.reference.ManufacturingProcess;
import fr.relocmatch.reference.ManufacturingProcesses;
import fr.relocmatch.reference.Regions;
import fr.relocmatch.reference.Siret;

/**
 * Synthetic, valid partner submissions, the same for the same seed: buyer groups, supplier profiles
 * all over France and demands of every kind.
 *
 * <p>How common a process is follows a Zipf law over the taxonomy's order (metal-working first:
 * {@code CNC_MILLING} is the most common), for what suppliers offer and what demands require
 * alike, so that a nationwide {@code CNC_MILLING} demand touches a large share of the profiles and
 * a rare process few. Demands: 60 % within a radius of 30 to 300 km of a commune, 25 % in one to
 * three régions, 15 % nationwide; one to three required processes; one in five requires a
 * certificate.
 */
final class SyntheticLoad {

    private static final String[] UNITS = {"PIECES", "KILOGRAMS", "TONNES", "METRES"};
    private static final String[] CERTIFICATES = {"ISO9001", "ISO14001", "IATF16949", "EN9100", "ISO13485"};

    private final Random random;
    private final List<ManufacturingProcess> processes;
    private final double[] processWeights;
    private final List<Commune> communes;
    private final List<String> regions;
    private final LocalDate today = LocalDate.now();

    SyntheticLoad(long seed) {
        this.random = new Random(seed);
        this.processes = List.copyOf(ManufacturingProcesses.shipped().all());
        this.processWeights = new double[processes.size()];
        double total = 0;
        for (int i = 0; i < processes.size(); i++) {
            total += 1.0 / (i + 1);
            processWeights[i] = total;
        }
        for (int i = 0; i < processWeights.length; i++) {
            processWeights[i] /= total;
        }
        // metropolitan communes, in a fixed order
        this.communes = Communes.shipped().all().stream().filter(c -> !c.departementCode().startsWith("97"))
                .sorted(Comparator.comparing(Commune::code)).toList();
        this.regions = Regions.shipped().all().stream().map(Regions.Region::code)
                .filter(code -> communes.stream().anyMatch(c -> c.regionCode().equals(code))).sorted().toList();
        Certifications certifications = Certifications.shipped();
        for (String code : CERTIFICATES) {
            if (!certifications.isCertificate(code)) {
                throw new IllegalStateException("not a certificate of the reference data: " + code);
            }
        }
    }

    /** A buyer group (kind GROUP) the demands can name. */
    Map<String, Object> group(int i) {
        Map<String, Object> group = company("GROUP", siret(1, i), "Groupe synthétique " + i, pickProcess());
        group.put("adviserEmail", "grands-comptes@normandie.cci.fr");
        return group;
    }

    /** A supplier profile (kind SME): one to four processes, capacity, maybe certificates and a label. */
    Map<String, Object> profile(int i) {
        ManufacturingProcess main = pickProcess();
        Map<String, Object> profile = company("SME", siret(2, i), "PME synthétique " + i, main);
        Set<String> offered = new LinkedHashSet<>(List.of(main.code()));
        int more = random.nextInt(4);
        for (int k = 0; k < more; k++) {
            offered.add(pickProcess().code());
        }
        profile.put("processes", List.copyOf(offered));
        profile.put("capacity", Map.of("annualQuantity", 1_000 + random.nextInt(500_000), "unit", UNITS[random.nextInt(UNITS.length)],
                "availablePercent", 5 + random.nextInt(80)));
        List<Map<String, Object>> certificates = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            certificates.add(Map.of("code", CERTIFICATES[random.nextInt(CERTIFICATES.length)],
                    "validUntil", today.plusDays(30 + random.nextInt(1000)).toString()));
        }
        profile.put("certifications", certificates);
        if (random.nextInt(10) == 0) {
            profile.put("labels", List.of("OFG"));
        }
        profile.put("headcount", 5 + random.nextInt(400));
        profile.put("adviserEmail", String.format(Locale.ROOT, "pme-%d@cci.example.fr", i % 50));
        profile.put("contact", Map.of("name", "Service commercial", "email",
                String.format(Locale.ROOT, "commercial-%d@pme.example.fr", i)));
        return profile;
    }

    /**
     * A supplier profile as company-service publishes it on {@code relocmatch.companies.v1} (a
     * {@code CompanyProfileUpdated} body): for loading profiles faster than company-service takes
     * partner submissions, straight into what matching-service reads.
     */
    Map<String, Object> profileEvent(int i, String ownerRegion) {
        Map<String, Object> profile = profile(i);
        Map<String, Object> event = new LinkedHashMap<>();
        String companyId = UUID.nameUUIDFromBytes(("load-profile-" + i).getBytes(StandardCharsets.UTF_8))
                .toString();
        event.put("eventId", UUID.nameUUIDFromBytes((companyId + "|0").getBytes(StandardCharsets.UTF_8))
                .toString());
        event.put("occurredAt", Instant.now().toString());
        event.put("companyId", companyId);
        event.put("version", 0);
        profile.forEach((name, value) -> {
            if (!name.equals("contact") && !name.equals("site")) {
                event.put(name, value);
            }
        });
        event.put("siren", ((String) profile.get("siret")).substring(0, 9));
        Commune commune = Communes.shipped().byInseeCode((String) ((Map<?, ?>) profile.get("site")).get("communeCode")).orElseThrow();
        event.put("site", Map.of("communeCode", commune.code(), "communeName", commune.name(), "departementCode",
                commune.departementCode(), "regionCode", commune.regionCode(), "latitude", commune.latitude(), "longitude",
                commune.longitude()));
        event.put("status", "ACTIVE");
        event.put("lastConfirmedAt", Instant.now().toString());
        event.put("ownerRegion", ownerRegion);
        return event;
    }

    /** A demand of a buyer among {@code groups}, of one of the three kinds. */
    Map<String, Object> demand(int i, int groups) {
        Map<String, Object> demand = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (required.size() < count) {
            required.add(pickProcess().code());
        }
        demand.put("title", "Demande synthétique " + i);
        demand.put("buyerSiret", siret(1, random.nextInt(groups)));
        demand.put("requiredProcesses", List.copyOf(required));
        demand.put("annualVolume", Map.of("quantity", 1_000 + random.nextInt(100_000), "unit", UNITS[random.nextInt(UNITS.length)]));
        demand.put("startDate", today.plusDays(60 + random.nextInt(300)).toString());
        if (random.nextInt(5) == 0) {
            demand.put("requiredCertifications", List.of(CERTIFICATES[random.nextInt(CERTIFICATES.length)]));
        }
        Commune site = commune();
        int kind = random.nextInt(100);
        if (kind < 60) {
            demand.put("location", Map.of("mode", "RADIUS", "communeCode", site.code(), "maxDistanceKm", 30 + random.nextInt(271)));
        }
        else if (kind < 85) {
            Set<String> chosen = new LinkedHashSet<>(List.of(site.regionCode()));
            int more = random.nextInt(3);
            for (int k = 0; k < more; k++) {
                chosen.add(regions.get(random.nextInt(regions.size())));
            }
            demand.put("location", Map.of("mode", "REGIONS", "regions", List.copyOf(chosen), "communeCode", site.code()));
        }
        else {
            demand.put("location", Map.of("mode", "NATIONWIDE", "communeCode", site.code()));
        }
        demand.put("adviserEmail", "grands-comptes@normandie.cci.fr");
        return demand;
    }

    private Map<String, Object> company(String kind, String siret, String name, ManufacturingProcess main) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("kind", kind);
        company.put("siret", siret);
        company.put("name", name);
        company.put("nafCode", main.nafCodes().isEmpty() ? "25.62B" : main.nafCodes().getFirst());
        company.put("processes", List.of(main.code()));
        company.put("site", Map.of("communeCode", commune().code()));
        company.put("matchingConsent", true);
        return company;
    }

    private ManufacturingProcess pickProcess() {
        double draw = random.nextDouble();
        for (int i = 0; i < processWeights.length; i++) {
            if (draw <= processWeights[i]) {
                return processes.get(i);
            }
        }
        return processes.getLast();
    }

    private Commune commune() {
        return communes.get(random.nextInt(communes.size()));
    }

    /** A SIRET that passes the check: a 13-digit body from (series, number) and its check digit. */
    static String siret(int series, int number) {
        return Siret.withCheckDigit(String.format(Locale.ROOT, "%d%012d", series, number));
    }
}
