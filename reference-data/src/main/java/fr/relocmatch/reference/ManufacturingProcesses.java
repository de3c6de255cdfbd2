package fr.relocmatch.reference;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;

/** The manufacturing-process taxonomy in which SMEs declare capabilities and demands state needs. */
public final class ManufacturingProcesses {

    private static final ManufacturingProcesses SHIPPED = load();

    private final Map<String, ManufacturingProcess> byCode;

    private ManufacturingProcesses(Map<String, ManufacturingProcess> byCode) {
        this.byCode = byCode;
    }

    public static ManufacturingProcesses shipped() {
        return SHIPPED;
    }

    public Optional<ManufacturingProcess> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    /** Processes typically carried out by the NAF sous-classes under a prefix ({@code 13.92}, {@code 13}). */
    public List<ManufacturingProcess> forNafPrefix(String prefix) {
        return byCode.values().stream().filter(p -> p.nafCodes().stream().anyMatch(naf -> naf.startsWith(prefix)))
                .toList();
    }

    /** Processes whose code, family or French or English label contains the text, case-insensitively. */
    public List<ManufacturingProcess> search(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return byCode.values().stream()
                .filter(p -> q.isEmpty() || p.code().toLowerCase(Locale.ROOT).contains(q)
                        || p.family().toLowerCase(Locale.ROOT).contains(q)
                        || p.labelFr().toLowerCase(Locale.ROOT).contains(q)
                        || p.labelEn().toLowerCase(Locale.ROOT).contains(q))
                .toList();
    }

    public Collection<ManufacturingProcess> all() {
        return byCode.values();
    }

    private static ManufacturingProcesses load() {
        Map<String, ManufacturingProcess> byCode = new LinkedHashMap<>();
        for (CSVRecord row : Csv.read("processes.csv")) {
            byCode.put(row.get("code"), new ManufacturingProcess(row.get("code"), row.get("family"),
                    row.get("label_fr"), row.get("label_en"), Csv.split(row.get("naf_codes"))));
        }
        return new ManufacturingProcesses(Collections.unmodifiableMap(byCode));
    }
}
