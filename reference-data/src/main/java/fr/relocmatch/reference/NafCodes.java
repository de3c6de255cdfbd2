package fr.relocmatch.reference;

import java.util.List;
import java.util.Locale;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;

/** NAF rév. 2 sous-classes ({@code 13.92Z}), the activity code of every French establishment. */
public final class NafCodes {

    private static final NafCodes SHIPPED = load();

    private final Map<String, String> labels;
    private final Map<String, String> classLabels;

    private NafCodes(Map<String, String> labels, Map<String, String> classLabels) {
        this.labels = labels;
        this.classLabels = classLabels;
    }

    public static NafCodes shipped() {
        return SHIPPED;
    }

    /** Accepts {@code 13.92Z} and the SIRENE form without dot {@code 1392Z}; answers the dotted form. */
    public Optional<String> normalise(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String value = code.strip().toUpperCase();
        if (value.length() == 5 && value.indexOf('.') < 0) {
            value = value.substring(0, 2) + "." + value.substring(2);
        }
        return labels.containsKey(value) ? Optional.of(value) : Optional.empty();
    }

    /**
     * Accepts a code of any level below the section — division {@code 13}, group {@code 13.9},
     * class {@code 13.92} or sous-classe {@code 13.92Z} — and answers it normalised when it exists.
     */
    public Optional<String> normaliseAnyLevel(String code) {
        Optional<String> subclass = normalise(code);
        if (subclass.isPresent() || code == null) {
            return subclass;
        }
        String prefix = code.strip();
        if (!prefix.matches("\\d{2}(\\.\\d{1,2})?")) {
            return Optional.empty();
        }
        return labels.keySet().stream().anyMatch(k -> k.startsWith(prefix)) ? Optional.of(prefix) : Optional.empty();
    }

    public Optional<String> label(String code) {
        return normalise(code).map(labels::get);
    }

    /** Sous-classes whose code starts with, or label contains, the text (case-insensitive), at most {@code limit}. */
    public List<Entry> search(String text, int limit) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return labels.entrySet().stream()
                .filter(e -> q.isEmpty() || e.getKey().toLowerCase(Locale.ROOT).startsWith(q)
                        || e.getKey().replace(".", "").toLowerCase(Locale.ROOT).startsWith(q)
                        || e.getValue().toLowerCase(Locale.ROOT).contains(q))
                .limit(limit)
                .map(e -> new Entry(e.getKey(), e.getValue()))
                .toList();
    }

    /** A NAF sous-classe and its label. */
    public record Entry(String code, String label) {
    }

    /** The label of a NAF class ({@code 13.92}: « Fabrication d'articles textiles, sauf habillement »). */
    public Optional<String> classLabel(String classCode) {
        return Optional.ofNullable(classLabels.get(classCode));
    }

    public int size() {
        return labels.size();
    }

    private static NafCodes load() {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> classLabels = new LinkedHashMap<>();
        for (CSVRecord row : Csv.read("naf-rev2.csv")) {
            labels.put(row.get("code"), row.get("label"));
            classLabels.put(row.get("class_code"), row.get("class_label"));
        }
        return new NafCodes(Collections.unmodifiableMap(labels), Collections.unmodifiableMap(classLabels));
    }
}
