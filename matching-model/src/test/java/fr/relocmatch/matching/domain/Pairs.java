package fr.relocmatch.matching.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders of suppliers and demands for the domain tests: a valid pair, then one thing changed. */
final class Pairs {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final GeoPoint ROUEN = new GeoPoint(49.44350, 1.10006);
    static final GeoPoint ELBEUF = new GeoPoint(49.28689, 1.00835);
    static final GeoPoint LILLE = new GeoPoint(50.63046, 3.07134);
    static final GeoPoint LYON = new GeoPoint(45.76, 4.83);

    private Pairs() {
    }

    static SupplierBuilder supplier(String id) {
        return new SupplierBuilder(id);
    }

    static DemandBuilder demand() {
        return new DemandBuilder();
    }

    static final class SupplierBuilder {
        String id;
        long version;
        String siren;
        String naf = "13.92Z";
        Set<String> processes = Set.of("WEAVING", "HOME_TEXTILES");
        Map<String, Supplier.Validity> certifications = new HashMap<>();
        Set<String> sectors = Set.of();
        Set<String> labels = Set.of();
        Supplier.Capacity capacity;
        GeoPoint site = ROUEN;
        String region = "28";
        boolean active = true;
        LocalDate confirmed = TODAY;
        Set<Supplier.DemandKind> notInterested = new java.util.HashSet<>();

        SupplierBuilder(String id) {
            this.id = id;
            this.siren = String.format("4%08d", Math.abs(id.hashCode()) % 100_000_000);
        }

        SupplierBuilder version(long v) { version = v; return this; }
        SupplierBuilder siren(String s) { siren = s; return this; }
        SupplierBuilder naf(String n) { naf = n; return this; }
        SupplierBuilder processes(String... p) { processes = Set.of(p); return this; }
        SupplierBuilder certified(String code, LocalDate until) { certifications.put(code, new Supplier.Validity(null, until)); return this; }
        SupplierBuilder certified(String code, LocalDate from, LocalDate until) { certifications.put(code, new Supplier.Validity(from, until)); return this; }
        SupplierBuilder sectors(String... s) { sectors = Set.of(s); return this; }
        SupplierBuilder labels(String... l) { labels = Set.of(l); return this; }
        SupplierBuilder capacity(double quantity, String unit, double percent) { capacity = new Supplier.Capacity(quantity, unit, percent); return this; }
        SupplierBuilder at(GeoPoint p, String r) { site = p; region = r; return this; }
        SupplierBuilder inactive() { active = false; return this; }
        SupplierBuilder confirmed(LocalDate d) { confirmed = d; return this; }
        SupplierBuilder notInterestedIn(String process, String sector) { notInterested.add(new Supplier.DemandKind(process, sector)); return this; }

        Supplier build() {
            return new Supplier(id, version, "Atelier " + id, siren, naf, processes, certifications, sectors, labels,
                    capacity, site, region, active, confirmed, "pme@cci.fr", notInterested, siren + "00011");
        }
    }

    static final class DemandBuilder {
        String id = "d1";
        String buyerCompanyId = "buyer";
        String buyerSiren = "552100554";
        Set<String> required = Set.of("WEAVING");
        Set<String> preferred = Set.of();
        List<String> naf = List.of();
        Set<String> certifications = Set.of();
        Demand.Volume volume;
        LocalDate start = TODAY.plusMonths(3);
        String sector;
        Demand.Reach reach = Demand.Reach.RADIUS;
        GeoPoint site = ROUEN;
        int maxKm = 80;
        Set<String> regions = Set.of();
        boolean open = true;

        DemandBuilder id(String i) { id = i; return this; }
        DemandBuilder buyer(String companyId, String siren) { buyerCompanyId = companyId; buyerSiren = siren; return this; }
        DemandBuilder requires(String... p) { required = Set.of(p); return this; }
        DemandBuilder prefers(String... p) { preferred = Set.of(p); return this; }
        DemandBuilder naf(String... n) { naf = List.of(n); return this; }
        DemandBuilder certifications(String... c) { certifications = Set.of(c); return this; }
        DemandBuilder volume(double q, String unit) { volume = new Demand.Volume(q, unit, 0.05); return this; }
        DemandBuilder volume(double q, String unit, double minimumCoverage) { volume = new Demand.Volume(q, unit, minimumCoverage); return this; }
        DemandBuilder starts(LocalDate d) { start = d; return this; }
        DemandBuilder sector(String s) { sector = s; return this; }
        DemandBuilder radius(GeoPoint p, int km) { reach = Demand.Reach.RADIUS; site = p; maxKm = km; return this; }
        DemandBuilder regions(String... r) { reach = Demand.Reach.REGIONS; site = null; maxKm = 0; regions = Set.of(r); return this; }
        DemandBuilder nationwide() { reach = Demand.Reach.NATIONWIDE; site = null; maxKm = 0; return this; }
        DemandBuilder deliveredTo(GeoPoint p) { site = p; return this; }
        DemandBuilder closed() { open = false; return this; }

        Demand build() {
            return new Demand(id, 0, "Linge de bain", "Groupe Maison", buyerCompanyId, buyerSiren, required, preferred,
                    naf, certifications, volume, start, sector, reach, site, maxKm, regions, open, "gc@cci.fr");
        }
    }
}
