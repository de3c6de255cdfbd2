package fr.relocmatch.reference;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;

/** The 18 régions of the COG 2026 ({@code 28} Normandie...), from the shipped table. */
public final class Regions {

    private static final Regions SHIPPED = load();

    private final Map<String, Region> byCode;

    private Regions(Map<String, Region> byCode) {
        this.byCode = byCode;
    }

    public static Regions shipped() {
        return SHIPPED;
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Collection<Region> all() {
        return byCode.values();
    }

    /** A région: INSEE code and official name. */
    public record Region(String code, String name) {
    }

    private static Regions load() {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (CSVRecord row : Csv.read("regions.csv")) {
            regions.put(row.get("code"), new Region(row.get("code"), row.get("name")));
        }
        return new Regions(Collections.unmodifiableMap(regions));
    }
}
