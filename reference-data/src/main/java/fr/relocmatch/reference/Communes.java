package fr.relocmatch.reference;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVRecord;

/** Looks communes up by INSEE code or postal code. */
public final class Communes {

    private static final Communes SHIPPED = load();

    private final Map<String, Commune> byCode;
    private final Map<String, List<Commune>> byPostalCode;

    private Communes(Map<String, Commune> byCode, Map<String, List<Commune>> byPostalCode) {
        this.byCode = byCode;
        this.byPostalCode = byPostalCode;
    }

    /** The communes shipped with the product (COG 2026), loaded once. */
    public static Communes shipped() {
        return SHIPPED;
    }

    public Optional<Commune> byInseeCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<Commune> byPostalCode(String postalCode) {
        return byPostalCode.getOrDefault(postalCode, List.of());
    }

    /**
     * Resolves a site given by INSEE commune code, or by a postal code served by exactly one
     * commune. The two are asked for separately because their number spaces overlap: 76100 is
     * both a commune of Seine-Maritime and a postal code of Rouen.
     *
     * @param inseeCode  INSEE commune code, may be null when a postal code is given
     * @param postalCode postal code, may be null when an INSEE code is given; when both are given
     *                   the commune must be served by that postal code
     * @throws UnknownReferenceException when nothing, or more than one commune, matches
     */
    public Commune resolve(String inseeCode, String postalCode) {
        boolean hasCode = inseeCode != null && !inseeCode.isBlank();
        boolean hasPostal = postalCode != null && !postalCode.isBlank();
        if (hasCode) {
            String code = inseeCode.strip().toUpperCase();
            Commune commune = byCode.get(code);
            if (commune == null) {
                throw new UnknownReferenceException("'" + code + "' is not a commune INSEE code (COG 2026)");
            }
            if (hasPostal && !commune.postalCodes().contains(postalCode.strip())) {
                throw new UnknownReferenceException(commune.name() + " (" + code + ") is not served by postal code "
                        + postalCode.strip() + "; its postal codes are " + commune.postalCodes());
            }
            return commune;
        }
        if (!hasPostal) {
            throw new UnknownReferenceException("a commune INSEE code or a postal code is required");
        }
        String postal = postalCode.strip();
        List<Commune> served = byPostalCode(postal);
        if (served.size() == 1) {
            return served.getFirst();
        }
        if (served.isEmpty()) {
            throw new UnknownReferenceException("'" + postal + "' is not a postal code of any commune");
        }
        List<String> candidates = served.stream().limit(5).map(c -> c.code() + " " + c.name()).toList();
        throw new UnknownReferenceException("postal code " + postal + " serves " + served.size()
                + " communes; give the INSEE code, e.g. one of " + candidates);
    }

    /**
     * The commune one code names, for a search centre: {@code insee:76540} or {@code postal:76000}
     * say which code it is; a bare code is taken as either, and must then name exactly one commune
     * (69001 is both Affoux's INSEE code and Lyon 1er's postal code).
     *
     * @throws UnknownReferenceException naming the choices when the code names none or several
     */
    public Commune place(String text) {
        String given = text == null ? "" : text.strip();
        String lower = given.toLowerCase(Locale.ROOT);
        if (lower.startsWith("insee:")) {
            return resolve(given.substring(6), null);
        }
        if (lower.startsWith("postal:")) {
            return resolve(null, given.substring(7));
        }
        String code = given.toUpperCase(Locale.ROOT);
        Commune byInsee = byCode.get(code);
        List<Commune> byPostal = byPostalCode(code);
        if (byInsee == null && byPostal.isEmpty()) {
            throw new UnknownReferenceException("'" + given + "' is neither a commune INSEE code nor a postal code (COG 2026)");
        }
        if (byInsee == null && byPostal.size() == 1) {
            return byPostal.getFirst();
        }
        if (byPostal.isEmpty() || byPostal.equals(List.of(byInsee))) {
            return byInsee;
        }
        List<String> choices = new ArrayList<>();
        if (byInsee != null) {
            choices.add("insee:" + code + " (" + byInsee.name() + ")");
        }
        if (byPostal.size() == 1) {
            choices.add("postal:" + code + " (" + byPostal.getFirst().name() + ")");
        }
        else {
            byPostal.stream().limit(5).forEach(c -> choices.add("insee:" + c.code() + " (" + c.name() + ", postal code " + code + ")"));
        }
        throw new UnknownReferenceException("'" + given + "' names " + (byInsee == null ? "" : "a commune by its INSEE code and ")
                + (byPostal.size() == 1 ? "another" : byPostal.size() + " communes") + " by postal code; say which: "
                + String.join(", ", choices) + (byPostal.size() > 5 ? ", …" : ""));
    }

    /**
     * Communes for a type-ahead: by INSEE code or postal code when the text is digits, else whose
     * name starts with the text (accents and case ignored), shortest names first, at most {@code limit}.
     */
    public List<Commune> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String q = text.strip();
        if (q.matches("[0-9][0-9AB][0-9]{0,3}")) {
            return byCode.values().stream()
                    .filter(c -> c.code().startsWith(q.toUpperCase()) || c.postalCodes().stream().anyMatch(p -> p.startsWith(q)))
                    // the commune with exactly this INSEE code first, then by code
                    .sorted(Comparator.comparing((Commune c) -> !c.code().equals(q.toUpperCase()))
                            .thenComparing(Commune::code))
                    .limit(limit)
                    .toList();
        }
        String folded = fold(q);
        return byCode.values().stream()
                .filter(c -> fold(c.name()).startsWith(folded))
                .sorted(Comparator.comparing((Commune c) -> c.name().length()).thenComparing(Commune::code))
                .limit(limit)
                .toList();
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('-', ' ').replace('\'', ' ').toLowerCase(Locale.ROOT);
    }

    /** Every commune and arrondissement, in no particular order. */
    public Collection<Commune> all() {
        return byCode.values();
    }

    public int size() {
        return byCode.size();
    }

    private static Communes load() {
        Map<String, Commune> byCode = new HashMap<>();
        Map<String, List<Commune>> byPostal = new HashMap<>();
        for (CSVRecord row : Csv.read("communes.csv")) {
            Commune commune = new Commune(row.get("code_insee"), row.get("name"), Csv.split(row.get("postal_codes")),
                    row.get("departement_code"), row.get("region_code"),
                    Double.parseDouble(row.get("latitude")), Double.parseDouble(row.get("longitude")));
            byCode.put(commune.code(), commune);
            // Arrondissements carry the postal codes of their city: keep them out of the postal index
            // so that "75001" resolves to the arrondissement only through its own code.
            if ("COM".equals(row.get("type"))) {
                commune.postalCodes().forEach(p -> byPostal.computeIfAbsent(p, k -> new ArrayList<>()).add(commune));
            }
        }
        byPostal.replaceAll((k, v) -> List.copyOf(v));
        return new Communes(Collections.unmodifiableMap(byCode), Collections.unmodifiableMap(byPostal));
    }
}
