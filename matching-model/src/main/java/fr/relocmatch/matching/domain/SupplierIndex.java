package fr.relocmatch.matching.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Stream;
import org.roaringbitmap.FastAggregation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

import fr.relocmatch.matching.domain.ScoreFormula.Part;

import org.roaringbitmap.RoaringBitmap;

/**
 * Columnar, in-memory index of supplier profiles. Candidates of a demand come from compressed
 * bitmaps — active profiles, per process, per certification held, per région, per one-degree
 * cell of the site — are kept within the radius from the coordinate columns, and are then scored from primitive columns (coordinates, NAF, capacity, labels,
 * freshness) with the same functions as {@link MatchScorer}; a bounded heap keeps the best
 * {@code k}, and only those are explained by {@link MatchScorer#score}.
 *
 * <p>Not thread-safe: the engine serialises updates and queries.
 */
public final class SupplierIndex {

    /** Grid cells of one degree (~111 km north–south): a radius query unions the few cells its circle overlaps. */
    private static final double CELL_DEGREES = 1.0;

    private MatchScorer scorer;
    private final Map<String, Integer> ordinals = new HashMap<>();
    /** One copy of the codes, places, dates and e-mails the profiles share. */
    private final SharedValues shared = new SharedValues();
    private final List<Supplier> suppliers = new ArrayList<>();
    private final RoaringBitmap active = new RoaringBitmap();
    private final Map<String, RoaringBitmap> byProcess = new HashMap<>();
    private final Map<String, RoaringBitmap> byCertification = new HashMap<>();
    private final Map<String, RoaringBitmap> byRegion = new HashMap<>();
    private final Map<String, RoaringBitmap> bySector = new HashMap<>();
    private final Map<Integer, RoaringBitmap> byCell = new HashMap<>();
    /** The profiles not interested in a kind of demand, by {@link #kindKey}: few, taken out of the candidates. */
    private final Map<String, RoaringBitmap> notInterested = new HashMap<>();
    private final Vocabulary nafCodes = new Vocabulary();
    private final Vocabulary units = new Vocabulary();
    /** The first 64 processes and 32 sectors seen also get a bit in a per-profile mask: no bitmap lookup while scoring. */
    private final Vocabulary processIds = new Vocabulary();
    private final Vocabulary sectorIds = new Vocabulary();
    /**
     * Validity of the first {@value #CERTIFICATION_COLUMNS} certifications seen, as epoch days:
     * {@code validity[c][2o]} from ({@link Integer#MIN_VALUE} when open), {@code [2o + 1]} until;
     * meaningful where the holders' bitmap has {@code o}. Others are read from the profile.
     */
    private static final int CERTIFICATION_COLUMNS = 4;
    private final Vocabulary certificationIds = new Vocabulary();
    private final int[][] validity = new int[CERTIFICATION_COLUMNS][];
    /*
     * The scoring columns, packed row by row so that a candidate costs two cache lines, not ten:
     * {@code coords[2o]}, {@code coords[2o + 1]} latitude and longitude; {@code rows[4o]} process
     * mask; {@code rows[4o + 1]} sector mask (32 bits), NAF id (16), capacity unit id (8), labels
     * (8: OFG 1, EPV 2); {@code rows[4o + 2]} available capacity (double bits, −1 when undeclared);
     * {@code rows[4o + 3]} SIREN (high 32 bits) and confirmation epoch day (low 32 bits).
     */
    private double[] coords = new double[2 * 1024];
    private long[] rows = new long[4 * 1024];
    private int capacityRows = 1024;

    public SupplierIndex(MatchScorer scorer) {
        this.scorer = scorer;
    }

    /** A kind of demand a supplier is not interested in: the process, and the sector or {@code *} for any. */
    private static String kindKey(String process, String sector) {
        return process + "|" + (sector == null ? "*" : sector);
    }

    /** Ranks with other weights from now on (the gates do not depend on them; the columns stay as they are). */
    public void scoreWith(MatchScorer other) {
        this.scorer = other;
    }

    public int size() {
        return ordinals.size();
    }

    public Supplier get(String id) {
        Integer ordinal = ordinals.get(id);
        return ordinal == null ? null : suppliers.get(ordinal);
    }

    public Iterable<Supplier> all() {
        return suppliers.stream().filter(s -> s != null)::iterator;
    }

    /** Adds or replaces a profile. */
    public void put(Supplier profile) {
        Supplier supplier = shared.share(profile);
        Integer known = ordinals.get(supplier.id());
        int ordinal;
        if (known != null) {
            ordinal = known;
            clear(ordinal, suppliers.get(ordinal));
            suppliers.set(ordinal, supplier);
        }
        else {
            ordinal = suppliers.size();
            suppliers.add(supplier);
            ordinals.put(supplier.id(), ordinal);
            grow(ordinal + 1);
        }
        if (supplier.active()) {
            active.add(ordinal);
        }
        supplier.processes().forEach(p -> byProcess.computeIfAbsent(p, k -> new RoaringBitmap()).add(ordinal));
        supplier.certifications().keySet().forEach(c -> byCertification.computeIfAbsent(c, k -> new RoaringBitmap()).add(ordinal));
        supplier.sectors().forEach(s -> bySector.computeIfAbsent(s, k -> new RoaringBitmap()).add(ordinal));
        supplier.notInterested().forEach(kind -> notInterested.computeIfAbsent(kindKey(kind.process(), kind.sector()),
                k -> new RoaringBitmap()).add(ordinal));
        if (supplier.regionCode() != null) {
            byRegion.computeIfAbsent(supplier.regionCode(), k -> new RoaringBitmap()).add(ordinal);
        }
        byCell.computeIfAbsent(cell(supplier.site().latitude(), supplier.site().longitude()), k -> new RoaringBitmap())
                .add(ordinal);
        supplier.certifications().forEach((code, held) -> {
            int column = certificationIds.id(code);
            if (column < CERTIFICATION_COLUMNS) {
                if (validity[column] == null) {
                    validity[column] = new int[2 * capacityRows];
                }
                validity[column][2 * ordinal] = held.from() == null ? Integer.MIN_VALUE : (int) held.from().toEpochDay();
                validity[column][2 * ordinal + 1] = (int) held.until().toEpochDay();
            }
        });
        Supplier.Capacity capacity = supplier.capacity();
        coords[2 * ordinal] = supplier.site().latitude();
        coords[2 * ordinal + 1] = supplier.site().longitude();
        int labelBits = (supplier.labels().contains("OFG") ? 1 : 0) | (supplier.labels().contains("EPV") ? 2 : 0);
        int unitId = capacity == null ? 0xFF : units.id(capacity.unit());
        rows[4 * ordinal] = mask(processIds, supplier.processes(), 64);
        rows[4 * ordinal + 1] = mask(sectorIds, supplier.sectors(), 32) | (long) (nafCodes.id(supplier.nafCode()) & 0xFFFF) << 32
                | (long) (unitId & 0xFF) << 48 | (long) labelBits << 56;
        rows[4 * ordinal + 2] = Double.doubleToRawLongBits(capacity == null ? -1 : capacity.available());
        int day = supplier.lastConfirmed() == null ? Integer.MIN_VALUE : (int) supplier.lastConfirmed().toEpochDay();
        rows[4 * ordinal + 3] = (long) parseSiren(supplier.siren()) << 32 | (day & 0xFFFFFFFFL);
    }

    /**
     * Renumbers the profiles so that those of one grid cell have consecutive ordinals (by cell, then
     * id), forgets the ordinals of removed profiles and run-compresses the bitmaps: a radius query
     * then reads a few dense containers and contiguous rows. Profiles put later are appended; call it
     * again after a bulk load. Results do not change: ties are broken by supplier id, not ordinal.
     */
    public void compact() {
        List<Supplier> live = new ArrayList<>(ordinals.size());
        all().forEach(live::add);
        live.sort(Comparator.comparingInt((Supplier s) -> cell(s.site().latitude(), s.site().longitude()))
                .thenComparing(Supplier::id));
        ordinals.clear();
        suppliers.clear();
        active.clear();
        byProcess.clear();
        byCertification.clear();
        byRegion.clear();
        bySector.clear();
        byCell.clear();
        notInterested.clear();
        live.forEach(this::put);
        active.runOptimize();
        Stream.of(byProcess, byCertification, byRegion, bySector, byCell)
                .forEach(bitmaps -> bitmaps.values().forEach(RoaringBitmap::runOptimize));
    }

    /** Removes a deleted profile; its ordinal is not reused. */
    public void remove(String id) {
        Integer ordinal = ordinals.remove(id);
        if (ordinal != null) {
            clear(ordinal, suppliers.get(ordinal));
            suppliers.set(ordinal, null);
        }
    }

    private void clear(int ordinal, Supplier old) {
        active.remove(ordinal);
        old.processes().forEach(p -> byProcess.get(p).remove(ordinal));
        old.certifications().keySet().forEach(c -> byCertification.get(c).remove(ordinal));
        old.sectors().forEach(s -> bySector.get(s).remove(ordinal));
        old.notInterested().forEach(kind -> notInterested.get(kindKey(kind.process(), kind.sector())).remove(ordinal));
        if (old.regionCode() != null) {
            byRegion.get(old.regionCode()).remove(ordinal);
        }
        byCell.get(cell(old.site().latitude(), old.site().longitude())).remove(ordinal);
    }

    /**
     * The profiles passing the bitmap gates: active, every required process and certification
     * held, in an allowed région. The radius is checked on the coordinate columns while scoring:
     * a bounding box first, the great-circle distance for what is inside it.
     */
    public RoaringBitmap candidates(Demand demand) {
        return RoaringBitmap.or(candidateParts(demand).iterator());
    }

    /** The candidates, as a list of disjoint bitmaps to iterate (one today). */
    private List<RoaringBitmap> candidateParts(Demand demand) {
        if (!demand.open()) {
            return List.of();
        }
        List<RoaringBitmap> all = new ArrayList<>();
        all.add(active);
        for (String process : demand.requiredProcesses()) {
            RoaringBitmap holders = byProcess.get(process);
            if (holders == null) {
                return List.of();
            }
            all.add(holders);
        }
        for (String certification : demand.requiredCertifications()) {
            RoaringBitmap holders = byCertification.get(certification);
            if (holders == null) {
                return List.of();
            }
            all.add(holders);
        }
        if (demand.reach() == Demand.Reach.REGIONS) {
            all.add(RoaringBitmap.or(demand.regions().stream().map(r -> byRegion.getOrDefault(r, new RoaringBitmap()))
                    .iterator()));
        }
        all.sort((a, b) -> Integer.compare(a.getCardinality(), b.getCardinality()));
        RoaringBitmap result = all.getFirst().clone();
        for (int i = 1; i < all.size() && !result.isEmpty(); i++) {
            result.and(all.get(i));
        }
        for (String process : notInterested.isEmpty() ? Set.<String>of() : demand.requiredProcesses()) {
            for (String key : demand.sector() == null ? List.of(kindKey(process, null))
                    : List.of(kindKey(process, null), kindKey(process, demand.sector()))) {
                RoaringBitmap declined = notInterested.get(key);
                if (declined != null) {
                    result.andNot(declined);
                }
            }
        }
        if (demand.reach() != Demand.Reach.RADIUS || result.isEmpty()) {
            return List.of(result);
        }
        result.and(FastAggregation.or(cellsAround(demand.site(), demand.maxDistanceKm()).iterator()));
        return List.of(result);
    }

    /** The profiles passing the bitmap gates ({@link #candidates}), in ordinal order. */
    public List<Supplier> candidateProfiles(Demand demand) {
        List<Supplier> found = new ArrayList<>();
        candidates(demand).forEach((int ordinal) -> found.add(suppliers.get(ordinal)));
        return found;
    }

    /** The best {@code k} scoring at least {@code minScore}, best first, each explained. */
    public List<Candidate> rank(Demand demand, int k, double minScore) {
        List<RoaringBitmap> parts = candidateParts(demand);
        ScoreFormula formula = scorer.formula(demand);
        double[] values = ScoreFormula.values();
        LocalDate start = demand.startDate() != null ? demand.startDate() : scorer.today();
        int today = (int) scorer.today().toEpochDay();
        List<String> required = List.copyOf(demand.requiredCertifications());
        int[] columns = new int[required.size()];
        for (int i = 0; i < columns.length; i++) {
            int id = certificationIds.find(required.get(i));
            columns[i] = id < CERTIFICATION_COLUMNS ? id : -1;
        }
        int startDay = (int) start.toEpochDay();
        int yearInDay = (int) start.plusYears(1).toEpochDay();
        double[] nafProximity = nafProximities(demand);
        int demandUnit = demand.annualVolume() == null ? -2 : units.find(demand.annualVolume().unit());
        RoaringBitmap sector = demand.sector() == null ? null : bySector.getOrDefault(demand.sector(), new RoaringBitmap());
        List<RoaringBitmap> preferred = demand.preferredProcesses().stream()
                .map(p -> byProcess.getOrDefault(p, new RoaringBitmap())).toList();
        long preferredMask = queryMask(processIds, demand.preferredProcesses(), 64);
        long sectorBit = demand.sector() == null ? 0 : queryMask(sectorIds, List.of(demand.sector()), 32);
        int buyerSiren = parseSiren(demand.buyerSiren());
        Integer buyerOrdinal = demand.buyerCompanyId() == null ? null : ordinals.get(demand.buyerCompanyId());

        boolean radius = demand.reach() == Demand.Reach.RADIUS;
        boolean located = demand.site() != null;
        double centreLat = located ? demand.site().latitude() : 0;
        double centreLon = located ? demand.site().longitude() : 0;
        double minimumCoverage = demand.annualVolume() == null ? 0 : demand.annualVolume().minimumCoverage();
        // a box a little larger than the circle: inside it the exact distance decides
        double dLat = radius ? demand.maxDistanceKm() / 110.0 + 0.01 : 0;
        double dLon = radius ? demand.maxDistanceKm() / (110.0 * Math.max(0.01, Math.cos(Math.toRadians(
                Math.min(89, Math.abs(centreLat) + dLat))))) + 0.01 : 0;
        // heap of the best k: score, then the supplier id breaks ties as MatchScorer.BEST_FIRST does
        PriorityQueue<int[]> heap = new PriorityQueue<>(k + 1, (a, b) -> worseFirst(a, b));
        for (RoaringBitmap part : parts) {
        var it = part.getIntIterator();
        while (it.hasNext()) {
            int o = it.next();
            // the coordinates first: most candidates of a radius query are outside its box
            double lat = coords[2 * o];
            double lon = coords[2 * o + 1];
            if (radius && (Math.abs(lat - centreLat) > dLat || Math.abs(lon - centreLon) > dLon)) {
                continue;
            }
            long identity = rows[4 * o + 3];
            if (buyerOrdinal != null && buyerOrdinal == o || buyerSiren != 0 && (int) (identity >>> 32) == buyerSiren) {
                continue;
            }
            long traits = rows[4 * o + 1];
            if (!required.isEmpty() && !certificationsHeld(o, required, columns, startDay, start)) {
                continue;
            }
            double free = Double.longBitsToDouble(rows[4 * o + 2]);
            boolean comparable = demandUnit != -2 && free >= 0 && ((int) (traits >>> 48) & 0xFF) == demandUnit;
            if (comparable && PartValues.belowMinimumCoverage(free, demand.annualVolume().quantity(), minimumCoverage)) {
                continue;
            }
            // The part values from the columns; the demand's formula combines them as it does MatchScorer's.
            if (formula.applies(Part.PREFERRED_PROCESSES)) {
                int offered;
                if (preferredMask >= 0) {
                    offered = Long.bitCount(rows[4 * o] & preferredMask);
                }
                else {
                    offered = 0;
                    for (RoaringBitmap p : preferred) {
                        offered += p.contains(o) ? 1 : 0;
                    }
                }
                values[Part.PREFERRED_PROCESSES.ordinal()] = PartValues.coverage(offered, preferred.size());
            }
            if (nafProximity != null) {
                values[Part.NAF_PROXIMITY.ordinal()] = nafProximity[(int) (traits >>> 32) & 0xFFFF];
            }
            if (demandUnit != -2) {
                values[Part.CAPACITY.ordinal()] = !comparable ? PartValues.NOT_DECLARED
                        : PartValues.capacity(free, demand.annualVolume().quantity());
            }
            if (sector != null) {
                values[Part.SECTOR.ordinal()] = (sectorBit >= 0 ? (traits & sectorBit) != 0 : sector.contains(o)) ? 1 : 0;
            }
            int labelBits = (int) (traits >>> 56) & 0xFF;
            values[Part.LABELS.ordinal()] = PartValues.labels((labelBits & 1) != 0, (labelBits & 2) != 0);
            int confirmed = (int) identity;
            values[Part.FRESHNESS.ordinal()] = PartValues.freshness(confirmed == Integer.MIN_VALUE ? -1 : today - confirmed);
            if (!required.isEmpty()) {
                values[Part.CERTIFICATIONS.ordinal()] = renewal(o, required, columns, yearInDay, start.plusYears(1));
            }
            double km = 0;
            if (located) {
                // Best case, next door: if even that cannot enter the top k, skip the trigonometry.
                double best = formula.bestCase(values, Part.DISTANCE);
                if (best < minScore || heap.size() == k && (int) Math.round(best * 10_000) < heap.peek()[1]) {
                    continue;
                }
                km = GeoPoint.distanceKm(centreLat, centreLon, lat, lon);
                if (radius && km > demand.maxDistanceKm()) {
                    continue;
                }
            }
            values[Part.DISTANCE.ordinal()] = PartValues.distance(demand.reach(), located, km, demand.maxDistanceKm());
            double score = formula.score(values);
            if (score < minScore || heap.size() == k && (int) Math.round(score * 10_000) < heap.peek()[1]) {
                continue;
            }
            int[] entry = {o, (int) Math.round(score * 10_000)};
            heap.add(entry);
            if (heap.size() > k) {
                heap.poll();
            }
        }
        }
        List<Candidate> kept = new ArrayList<>(heap.size());
        for (int[] entry : heap) {
            Supplier supplier = suppliers.get(entry[0]);
            scorer.score(demand, supplier).ifPresent(score -> kept.add(new Candidate(supplier, score, 0)));
        }
        return MatchScorer.ranked(kept);
    }

    /** Orders heap entries worst first: lower score, then the greater supplier id. */
    private int worseFirst(int[] a, int[] b) {
        int byScore = Integer.compare(a[1], b[1]);
        if (byScore != 0) {
            return byScore;
        }
        return suppliers.get(b[0]).id().compareTo(suppliers.get(a[0]).id());
    }

    /** Whether every required certification is valid at the start date. */
    private boolean certificationsHeld(int o, List<String> required, int[] columns, int day, LocalDate date) {
        for (int i = 0; i < required.size(); i++) {
            if (!valid(o, required.get(i), columns[i], day, date)) {
                return false;
            }
        }
        return true;
    }

    /** The share of the required certifications still valid a year into production. */
    private double renewal(int o, List<String> required, int[] columns, int yearInDay, LocalDate yearIn) {
        int expiring = 0;
        for (int i = 0; i < required.size(); i++) {
            if (!valid(o, required.get(i), columns[i], yearInDay, yearIn)) {
                expiring++;
            }
        }
        return PartValues.renewal(expiring, required.size());
    }

    private boolean valid(int o, String code, int column, int day, LocalDate date) {
        if (column >= 0) {
            int[] days = validity[column];
            return days[2 * o] <= day && days[2 * o + 1] >= day;
        }
        return suppliers.get(o).certifications().get(code).covers(date);
    }

    /** NAF proximity of each known NAF code to the demand's best target, or null when it names none. */
    private double[] nafProximities(Demand demand) {
        if (demand.targetNafCodes().isEmpty()) {
            return null;
        }
        double[] proximity = new double[nafCodes.size() + 1];
        for (int id = 0; id < nafCodes.size(); id++) {
            double best = 0;
            for (String target : demand.targetNafCodes()) {
                best = Math.max(best, PartValues.nafProximity(nafCodes.value(id), target));
            }
            proximity[id] = PartValues.round(best);
        }
        return proximity;
    }

    private List<RoaringBitmap> cellsAround(GeoPoint centre, int km) {
        double dLat = km / 110.0 + 0.01;
        double dLon = km / (110.0 * Math.max(0.01, Math.cos(Math.toRadians(Math.min(89, Math.abs(centre.latitude()) + dLat))))) + 0.01;
        List<RoaringBitmap> cells = new ArrayList<>();
        for (int la = (int) Math.floor((centre.latitude() - dLat) / CELL_DEGREES);
                la <= (int) Math.floor((centre.latitude() + dLat) / CELL_DEGREES); la++) {
            for (int lo = (int) Math.floor((centre.longitude() - dLon) / CELL_DEGREES);
                    lo <= (int) Math.floor((centre.longitude() + dLon) / CELL_DEGREES); lo++) {
                RoaringBitmap cell = byCell.get(cellKey(la, lo));
                if (cell != null) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }

    private static int cell(double lat, double lon) {
        return cellKey((int) Math.floor(lat / CELL_DEGREES), (int) Math.floor(lon / CELL_DEGREES));
    }

    private static int cellKey(int lat, int lon) {
        return (lat + 1000) * 4000 + (lon + 2000);
    }

    /** Bits of the values with an id below {@code width}; the others are only in the bitmaps. */
    private static long mask(Vocabulary vocabulary, Collection<String> values, int width) {
        long mask = 0;
        for (String value : values) {
            int id = vocabulary.id(value);
            if (id < width) {
                mask |= 1L << id;
            }
        }
        return mask;
    }

    /** The mask of the values, or -1 when one has no bit (then the bitmaps are asked). */
    private static long queryMask(Vocabulary vocabulary, Collection<String> values, int width) {
        long mask = 0;
        for (String value : values) {
            int id = vocabulary.find(value);
            if (id >= width) {
                return -1;
            }
            if (id >= 0) {
                mask |= 1L << id;
            }
        }
        return mask;
    }

    private static int parseSiren(String siren) {
        if (siren == null || siren.length() != 9) {
            return 0;
        }
        try {
            return Integer.parseInt(siren);
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }

    private void grow(int needed) {
        if (needed <= capacityRows) {
            return;
        }
        int size = Math.max(needed, capacityRows * 2);
        capacityRows = size;
        coords = Arrays.copyOf(coords, 2 * size);
        rows = Arrays.copyOf(rows, 4 * size);
        for (int c = 0; c < CERTIFICATION_COLUMNS; c++) {
            if (validity[c] != null) {
                validity[c] = Arrays.copyOf(validity[c], 2 * size);
            }
        }
    }

    /**
     * Bytes of the search structures (bitmaps, columns, vocabularies), excluding the profile
     * snapshots kept to explain and publish the top candidates.
     */
    public long indexBytes() {
        long bytes = 0;
        for (Map<?, RoaringBitmap> bitmaps : List.of(byProcess, byCertification, byRegion, bySector, byCell)) {
            for (RoaringBitmap bitmap : bitmaps.values()) {
                bytes += bitmap.getLongSizeInBytes();
            }
        }
        bytes += active.getLongSizeInBytes();
        bytes += (long) capacityRows * (2 * 8 + 4 * 8); // the packed columns, as allocated
        for (int[] column : validity) {
            bytes += column == null ? 0 : 4L * column.length;
        }
        return bytes;
    }

    /** Interns a small set of strings (NAF codes, units) as small ints. */
    private static final class Vocabulary {

        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int id(String value) {
            return ids.computeIfAbsent(value, v -> {
                values.add(v);
                return values.size() - 1;
            });
        }

        int find(String value) {
            return ids.getOrDefault(value, -1);
        }

        String value(int id) {
            return values.get(id);
        }

        int size() {
            return values.size();
        }
    }
}
