package fr.relocmatch.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

/**
 * What a group imports, by its customs code: the Combined Nomenclature 2022 (HS subheadings of 6
 * digits, CN subheadings of 8) with their English labels, and the Eurostat correspondence of each
 * CN code to its CPA 2.1 product class ({@code 13.92.14}), whose first four digits are the NAF
 * rév. 2 class that makes it.
 */
public final class CustomsCodes {

    private static final CustomsCodes SHIPPED = load();

    /** Label of every 6- and 8-digit code, in the table's order. */
    private final Map<String, String> labels;
    /** Headings (4 digits), for an HS subheading that has no row of its own. */
    private final Map<String, String> headings;
    /** CPA 2.1 codes of each CN 8-digit code. */
    private final Map<String, List<String>> cpaByCn;

    private CustomsCodes(Map<String, String> labels, Map<String, String> headings, Map<String, List<String>> cpaByCn) {
        this.labels = labels;
        this.headings = headings;
        this.cpaByCn = cpaByCn;
    }

    public static CustomsCodes shipped() {
        return SHIPPED;
    }

    /**
     * An HS (6 digits) or CN (8 digits) code with its label and the CPA 2.1 classes of the CN codes
     * under it; empty when the nomenclature does not know it.
     */
    public Optional<Product> product(String code) {
        if (code == null || !code.matches("\\d{6}|\\d{8}")) {
            return Optional.empty();
        }
        Set<String> cpa = new LinkedHashSet<>();
        cpaByCn.forEach((cn, classes) -> {
            if (cn.startsWith(code)) {
                cpa.addAll(classes);
            }
        });
        if (cpa.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Product(code, label(code), List.copyOf(cpa)));
    }

    /**
     * Codes of 6 and 8 digits whose code starts with the text or whose label contains it,
     * case-insensitively, in nomenclature order, at most {@code limit}: the type-ahead of a demand's
     * product code.
     */
    public List<Entry> search(String text, int limit) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        String digits = q.replace(".", "").replace(" ", "");
        boolean byCode = !digits.isEmpty() && digits.chars().allMatch(Character::isDigit);
        List<Entry> found = new ArrayList<>();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (byCode ? e.getKey().startsWith(digits) : e.getValue().toLowerCase(Locale.ROOT).contains(q)) {
                found.add(new Entry(e.getKey(), e.getKey().length() == 6 ? "HS" : "CN", e.getValue()));
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    private String label(String code) {
        String own = labels.get(code);
        if (own != null) {
            return own;
        }
        // An HS subheading without a row of its own is carried by its CN code ending in 00.
        String carried = labels.get(code + "00");
        return carried != null ? carried : headings.getOrDefault(code.substring(0, 4), code);
    }

    /**
     * A customs code and the CPA 2.1 product classes it falls in.
     *
     * @param cpaCodes CPA 2.1 codes ({@code 13.92.14}); their first five characters are a NAF class
     */
    public record Product(String code, String label, List<String> cpaCodes) {
    }

    /** One code of the type-ahead; {@code scheme} is {@code HS} for 6 digits, {@code CN} for 8. */
    public record Entry(String code, String scheme, String label) {
    }

    private static CustomsCodes load() {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> headings = new LinkedHashMap<>();
        for (CSVRecord row : Csv.read("cn2022.csv")) {
            String code = row.get("code");
            switch (row.get("level")) {
                case "heading" -> headings.put(code, row.get("label_en"));
                case "hs_subheading", "cn_subheading" -> labels.put(code, row.get("label_en"));
                default -> { }
            }
        }
        // an HS subheading known only through its CN codes gets a type-ahead entry of its own
        Map<String, String> withHs = new LinkedHashMap<>();
        labels.forEach((code, label) -> {
            if (code.length() == 8 && code.endsWith("00") && !labels.containsKey(code.substring(0, 6))) {
                withHs.put(code.substring(0, 6), label);
            }
            withHs.put(code, label);
        });
        Map<String, List<String>> cpa = new LinkedHashMap<>();
        for (CSVRecord row : Csv.read("cn2022-cpa21.csv")) {
            cpa.computeIfAbsent(row.get("cn_code"), k -> new ArrayList<>()).add(row.get("cpa_code"));
        }
        return new CustomsCodes(Collections.unmodifiableMap(withHs), Collections.unmodifiableMap(headings),
                Collections.unmodifiableMap(cpa));
    }
}
