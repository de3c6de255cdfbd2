package fr.relocmatch.reference;

import java.util.List;
import java.util.Locale;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

/** The shipped table of industrial certifications and labels ({@code ISO9001}, {@code EN9100}, {@code OFG}...). */
public final class Certifications {

    /** The company labels the score's labels part weighs; see {@link #isCompanyLabel}. */
    private static final Set<String> COMPANY_LABELS = Set.of("OFG", "EPV");

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

    /**
     * Whether the code is one of the company labels the score weighs ({@code OFG} Origine France
     * Garantie, {@code EPV} Entreprise du patrimoine vivant): a profile lists them under
     * {@code labels}, without a validity, and a demand cannot require them.
     */
    public boolean isCompanyLabel(String code) {
        return COMPANY_LABELS.contains(code);
    }

    /**
     * Whether the code is a certificate: held by a supplier with a validity (until, and maybe from),
     * and so something a demand may require. Every code of the table but the company labels, product
     * labels such as {@code OEKO_TEX_100} included: an OEKO-TEX certificate has a validity like an ISO
     * certificate, and a demand that requires it must be able to find suppliers that hold it.
     */
    public boolean isCertificate(String code) {
        return names.containsKey(code) && !isCompanyLabel(code);
    }

    /**
     * The one rule for a certificate code, held (company-service) or required (demand-service):
     * empty when it is one, otherwise what to say about it.
     */
    public Optional<String> certificateProblem(String code) {
        if (isCertificate(code)) {
            return Optional.empty();
        }
        if (isCompanyLabel(code)) {
            return Optional.of("'" + code + "' is a company label, not a certificate: a profile lists it under labels, "
                    + "and the score weighs it; a demand cannot require it");
        }
        return Optional.of("'" + code + "' is not a certificate of the shipped table (e.g. ISO9001, EN9100, IATF16949, "
                + "OEKO_TEX_100; GET /api/v1/reference/certifications)");
    }

    /** The same rule for a company label: empty when it is one, otherwise what to say about it. */
    public Optional<String> companyLabelProblem(String code) {
        if (isCompanyLabel(code)) {
            return Optional.empty();
        }
        if (isCertificate(code)) {
            return Optional.of("'" + code + "' is a certificate held with a validity: put it under certifications "
                    + "with its validUntil");
        }
        return Optional.of("'" + code + "' is not a company label (OFG, EPV)");
    }

    /** Codes and names whose code or name contains the text, case-insensitively; all when blank. */
    public List<Entry> search(String text) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return names.entrySet().stream()
                .filter(e -> q.isEmpty() || e.getKey().toLowerCase(Locale.ROOT).contains(q)
                        || e.getValue().toLowerCase(Locale.ROOT).contains(q))
                .map(e -> new Entry(e.getKey(), e.getValue(), kinds.get(e.getKey()),
                        isCompanyLabel(e.getKey()) ? "LABEL" : "CERTIFICATE"))
                .toList();
    }

    /**
     * One certification or label of the table.
     *
     * @param kind   as the table says: standard, certification-scheme, accreditation, regulatory, label
     * @param heldAs where a profile lists it: {@code CERTIFICATE} (with a validity; a demand may require it)
     *               or {@code LABEL}
     */
    public record Entry(String code, String name, String kind, String heldAs) {
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
