package fr.relocmatch.reference;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

/** The shipped table of industrial certifications and labels ({@code ISO9001}, {@code EN9100}, {@code OFG}...). */
public final class Certifications {

    private static final Certifications SHIPPED = load();

    private final Map<String, String> names;
    private final Map<String, String> kinds;

    private Certifications(Map<String, String> names, Map<String, String> kinds) {
        this.names = names;
        this.kinds = kinds;
    }

    public static Certifications shipped() {
        return SHIPPED;
    }

    public boolean contains(String code) {
        return names.containsKey(code);
    }

    public Collection<String> codes() {
        return names.keySet();
    }

    /** Whether the code is a label ({@code OFG} Origine France Garantie, {@code EPV}...) rather than a standard. */
    public boolean isLabel(String code) {
        return "label".equals(kinds.get(code));
    }

    /** Codes and names whose code or name contains the text, case-insensitively; all when blank. */
    public java.util.List<Entry> search(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return names.entrySet().stream()
                .filter(e -> q.isEmpty() || e.getKey().toLowerCase(java.util.Locale.ROOT).contains(q)
                        || e.getValue().toLowerCase(java.util.Locale.ROOT).contains(q))
                .map(e -> new Entry(e.getKey(), e.getValue(), kinds.get(e.getKey())))
                .toList();
    }

    /** One certification or label of the table. */
    public record Entry(String code, String name, String kind) {
    }

    private static Certifications load() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        for (CSVRecord row : Csv.read("certifications.csv")) {
            names.put(row.get("code"), row.get("name"));
            kinds.put(row.get("code"), row.get("kind"));
        }
        return new Certifications(Collections.unmodifiableMap(names), Collections.unmodifiableMap(kinds));
    }
}
