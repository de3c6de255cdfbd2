package fr.relocmatch.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import fr.relocmatch.matching.domain.Candidate;
import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.MatchScorer;
import fr.relocmatch.matching.domain.ScoreFormula;
import fr.relocmatch.matching.domain.ScoreFormula.Part;
import fr.relocmatch.matching.domain.PartValues;
import fr.relocmatch.matching.domain.Supplier;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The same matching done with Apache Lucene: the gates as a filter query (terms for processes and
 * certifications, a point range for validity, a geo-distance query for the radius), then every
 * hit scored from doc values with the same score functions, a bounded heap keeping the best
 * {@code k}, and those explained by {@link MatchScorer}.
 */
public final class LuceneBaseline {

    private final IndexSearcher searcher;
    private final List<Supplier> suppliers;
    private final MatchScorer scorer;

    public LuceneBaseline(List<Supplier> suppliers, MatchScorer scorer) {
        this.suppliers = suppliers;
        this.scorer = scorer;
        try {
            ByteBuffersDirectory directory = new ByteBuffersDirectory();
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(256))) {
                for (int i = 0; i < suppliers.size(); i++) {
                    writer.addDocument(document(i, suppliers.get(i)));
                }
                writer.forceMerge(1);
            }
            searcher = new IndexSearcher(DirectoryReader.open(directory));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(int ordinal, Supplier s) {
        Document doc = new Document();
        doc.add(new StoredField("ordinal", ordinal));
        doc.add(new NumericDocValuesField("ordinal", ordinal));
        doc.add(new StringField("active", String.valueOf(s.active()), Field.Store.NO));
        s.processes().forEach(p -> doc.add(new StringField("process", p, Field.Store.NO)));
        s.certifications().forEach((code, validity) -> {
            doc.add(new StringField("certification", code, Field.Store.NO));
            doc.add(new IntPoint("until_" + code, (int) validity.until().toEpochDay()));
            doc.add(new IntPoint("from_" + code, validity.from() == null ? Integer.MIN_VALUE : (int) validity.from().toEpochDay()));
        });
        s.sectors().forEach(sector -> doc.add(new StringField("sector", sector, Field.Store.NO)));
        doc.add(new StringField("region", s.regionCode(), Field.Store.NO));
        doc.add(new LatLonPoint("site", s.site().latitude(), s.site().longitude()));
        doc.add(new LatLonDocValuesField("site", s.site().latitude(), s.site().longitude()));
        doc.add(new SortedDocValuesField("naf", new BytesRef(s.nafCode())));
        doc.add(new DoublePoint("available", s.capacity() == null ? -1 : s.capacity().available()));
        doc.add(new NumericDocValuesField("available", Double.doubleToRawLongBits(s.capacity() == null ? -1 : s.capacity().available())));
        doc.add(new SortedDocValuesField("unit", new BytesRef(s.capacity() == null ? "" : s.capacity().unit())));
        doc.add(new NumericDocValuesField("confirmed", s.lastConfirmed() == null ? Long.MIN_VALUE : s.lastConfirmed().toEpochDay()));
        doc.add(new NumericDocValuesField("labels", (s.labels().contains("OFG") ? 1 : 0) | (s.labels().contains("EPV") ? 2 : 0)));
        return doc;
    }

    /** The gates of the demand that Lucene can express as a query. */
    private static Query filter(Demand demand) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new TermQuery(new Term("active", "true")), BooleanClause.Occur.FILTER);
        demand.requiredProcesses().forEach(p -> query.add(new TermQuery(new Term("process", p)), BooleanClause.Occur.FILTER));
        int start = (int) demand.startDate().toEpochDay();
        for (String code : demand.requiredCertifications()) {
            query.add(IntPoint.newRangeQuery("until_" + code, start, Integer.MAX_VALUE), BooleanClause.Occur.FILTER);
            query.add(IntPoint.newRangeQuery("from_" + code, Integer.MIN_VALUE, start), BooleanClause.Occur.FILTER);
        }
        switch (demand.reach()) {
            case RADIUS -> query.add(LatLonPoint.newDistanceQuery("site", demand.site().latitude(),
                    demand.site().longitude(), demand.maxDistanceKm() * 1000.0 + 1000), BooleanClause.Occur.FILTER);
            case REGIONS -> {
                BooleanQuery.Builder regions = new BooleanQuery.Builder();
                demand.regions().forEach(r -> regions.add(new TermQuery(new Term("region", r)), BooleanClause.Occur.SHOULD));
                query.add(regions.build(), BooleanClause.Occur.FILTER);
            }
            case NATIONWIDE -> {
            }
        }
        return query.build();
    }

    public List<Candidate> rank(Demand demand, int k, double minScore) {
        ScoreFormula formula = scorer.formula(demand);
        double[] values = ScoreFormula.values();
        int today = (int) scorer.today().toEpochDay();
        PriorityQueue<double[]> heap = new PriorityQueue<>(k + 1, (a, b) -> a[1] != b[1] ? Double.compare(a[1], b[1])
                : suppliers.get((int) b[0]).id().compareTo(suppliers.get((int) a[0]).id()));
        try {
            searcher.search(filter(demand), new SimpleCollector() {
                private NumericDocValues ordinal;
                private NumericDocValues available;
                private NumericDocValues confirmed;
                private NumericDocValues labels;
                private SortedDocValues naf;
                private SortedDocValues unit;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    ordinal = context.reader().getNumericDocValues("ordinal");
                    available = context.reader().getNumericDocValues("available");
                    confirmed = context.reader().getNumericDocValues("confirmed");
                    labels = context.reader().getNumericDocValues("labels");
                    naf = context.reader().getSortedDocValues("naf");
                    unit = context.reader().getSortedDocValues("unit");
                }

                @Override
                public void collect(int doc) throws IOException {
                    ordinal.advanceExact(doc);
                    int o = (int) ordinal.longValue();
                    Supplier s = suppliers.get(o);
                    // what a Lucene query cannot say: the buyer itself, the exact radius, validity from
                    if (s.id().equals(demand.buyerCompanyId()) || demand.buyerSiren() != null && demand.buyerSiren().equals(s.siren())) {
                        return;
                    }
                    double km = demand.site() == null ? 0 : demand.site().distanceKm(s.site());
                    if (demand.reach() == Demand.Reach.RADIUS && km > demand.maxDistanceKm()) {
                        return;
                    }
                    // the part values from the doc values; the demand's formula combines them
                    if (formula.applies(Part.PREFERRED_PROCESSES)) {
                        int offered = 0;
                        for (String p : demand.preferredProcesses()) {
                            offered += s.processes().contains(p) ? 1 : 0;
                        }
                        values[Part.PREFERRED_PROCESSES.ordinal()] = PartValues.coverage(offered, demand.preferredProcesses().size());
                    }
                    if (formula.applies(Part.NAF_PROXIMITY)) {
                        naf.advanceExact(doc);
                        String code = naf.lookupOrd(naf.ordValue()).utf8ToString();
                        double best = 0;
                        for (String target : demand.targetNafCodes()) {
                            best = Math.max(best, PartValues.nafProximity(code, target));
                        }
                        values[Part.NAF_PROXIMITY.ordinal()] = best;
                    }
                    if (formula.applies(Part.CAPACITY)) {
                        available.advanceExact(doc);
                        unit.advanceExact(doc);
                        double free = Double.longBitsToDouble(available.longValue());
                        boolean comparable = free >= 0 && unit.lookupOrd(unit.ordValue()).utf8ToString().equals(demand.annualVolume().unit());
                        if (comparable && PartValues.belowMinimumCoverage(free, demand.annualVolume().quantity(),
                                demand.annualVolume().minimumCoverage())) {
                            return;
                        }
                        values[Part.CAPACITY.ordinal()] = comparable ? PartValues.capacity(free, demand.annualVolume().quantity())
                                : PartValues.NOT_DECLARED;
                    }
                    values[Part.DISTANCE.ordinal()] = PartValues.distance(demand.reach(), demand.site() != null, km, demand.maxDistanceKm());
                    if (formula.applies(Part.SECTOR)) {
                        values[Part.SECTOR.ordinal()] = s.sectors().contains(demand.sector()) ? 1 : 0;
                    }
                    labels.advanceExact(doc);
                    long bits = labels.longValue();
                    values[Part.LABELS.ordinal()] = PartValues.labels((bits & 1) != 0, (bits & 2) != 0);
                    confirmed.advanceExact(doc);
                    values[Part.FRESHNESS.ordinal()] = PartValues.freshness(
                            confirmed.longValue() == Long.MIN_VALUE ? -1 : today - confirmed.longValue());
                    if (formula.applies(Part.CERTIFICATIONS)) {
                        int expiring = 0;
                        for (String code : demand.requiredCertifications()) {
                            expiring += s.certifications().get(code).covers(demand.startDate().plusYears(1)) ? 0 : 1;
                        }
                        values[Part.CERTIFICATIONS.ordinal()] = PartValues.renewal(expiring, demand.requiredCertifications().size());
                    }
                    double score = formula.score(values);
                    if (score >= minScore) {
                        heap.add(new double[] {o, score});
                        if (heap.size() > k) {
                            heap.poll();
                        }
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Candidate> kept = new ArrayList<>();
        for (double[] entry : heap) {
            Supplier s = suppliers.get((int) entry[0]);
            scorer.score(demand, s).ifPresent(score -> kept.add(new Candidate(s, score, 0)));
        }
        return MatchScorer.ranked(kept);
    }
}
