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

    private Certifications(Map<String, String> names) {
        this.names = names;
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

    private static Certifications load() {
        Map<String, String> names = new LinkedHashMap<>();
        for (CSVRecord row : Csv.read("certifications.csv")) {
            names.put(row.get("code"), row.get("name"));
        }
        return new Certifications(Collections.unmodifiableMap(names));
    }
}
