package fr.relocmatch.company.profile;

import fr.relocmatch.reference.Sector;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import fr.relocmatch.contracts.problem.FieldViolation;
import fr.relocmatch.contracts.problem.InvalidInputException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Bulk import of establishments from a CSV file with SIRENE-like columns, upserting by SIRET: a
 * re-run changes nothing and publishes nothing. Every row goes through the same rules as the REST
 * API; a rejected row is reported with its line and reasons and does not stop the others.
 *
 * <p>Columns (header required, order free): {@code siret}, {@code name}, {@code naf_code},
 * {@code commune_code} or {@code postal_code}, {@code headcount_band}, and optionally {@code kind}
 * (SME by default), {@code processes} ({@code |}-separated), {@code certifications}
 * ({@code CODE:valid-until|…}), {@code labels}, {@code sectors}, {@code adviser_email} (else the
 * default given with the file), {@code matching_consent} ({@code true}/{@code false}, false when
 * absent: consent is never assumed). An empty cell keeps what an existing profile has.
 */
@Service
class CompanyImport {

    static final Set<String> REQUIRED_COLUMNS = Set.of("siret", "name", "naf_code");

    private final CompanyProfiles profiles;
    private final CompanyValidator validator;

    CompanyImport(CompanyProfiles profiles, CompanyValidator validator) {
        this.profiles = profiles;
        this.validator = validator;
    }

    /**
     * @param firstLine the line number of the first data row in the caller's file, so that a client
     *                  sending a large file in chunks gets line numbers of the whole file
     */
    ImportReport run(Reader csv, String defaultAdviserEmail, int firstLine) {
        ImportReport report = new ImportReport();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        try (CSVParser parser = format.parse(csv)) {
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !parser.getHeaderMap().containsKey(c))
                    .sorted().toList();
            if (!parser.getHeaderMap().containsKey("commune_code") && !parser.getHeaderMap().containsKey("postal_code")) {
                missing = new ArrayList<>(missing);
                missing.add("commune_code or postal_code");
            }
            if (!missing.isEmpty()) {
                throw InvalidInputException.of("header", "missing column(s) " + missing + "; found "
                        + parser.getHeaderMap().keySet());
            }
            List<CSVRecord> rows = parser.getRecords();
            // One query for the profiles the file already has, rather than one per row.
            Map<String, CompanyDocument> existing = profiles.findBySirets(rows.stream().map(r -> cell(r, "siret"))
                    .filter(java.util.Objects::nonNull).toList());
            for (int i = 0; i < rows.size(); i++) {
                importRow(rows.get(i), firstLine + i, defaultAdviserEmail, existing, report);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw InvalidInputException.of("body", "is not readable CSV: " + e.getMessage());
        }
        return report;
    }

    private void importRow(CSVRecord row, int line, String defaultAdviserEmail, Map<String, CompanyDocument> known,
            ImportReport report) {
        String siret = cell(row, "siret");
        try {
            CompanyDocument existing = siret == null ? null : known.get(siret);
            CompanyRequest request = overlay(existing == null ? null : existing.toRequest(), row, defaultAdviserEmail);
            ValidCompany valid = validator.validate(request);
            if (existing == null) {
                known.put(valid.siret(), profiles.create(valid));
                report.created++;
            }
            else if (existing.sameAs(valid)) {
                report.unchanged++;
            }
            else {
                known.put(valid.siret(), profiles.update(existing, valid));
                report.updated++;
            }
        }
        catch (InvalidInputException e) {
            report.reject(line, siret, e.violations());
        }
        catch (RowException e) {
            report.reject(line, siret, List.of(e.violation));
        }
        catch (ErrorResponseException e) {
            // Duplicate SIRET within a concurrent import, stale version...
            report.reject(line, siret, List.of(new FieldViolation("siret", e.getBody().getDetail())));
        }
    }

    /** The row's cells over the existing profile (or over nothing): an empty cell keeps the current value. */
    private static CompanyRequest overlay(CompanyRequest base, CSVRecord row, String defaultAdviserEmail) {
        CompanyRequest.SiteRequest site = cell(row, "commune_code") != null || cell(row, "postal_code") != null
                ? new CompanyRequest.SiteRequest(cell(row, "commune_code"), cell(row, "postal_code"))
                : base == null ? null : base.site();
        String adviser = or(cell(row, "adviser_email"), base == null ? defaultAdviserEmail : base.adviserEmail());
        String consent = cell(row, "matching_consent");
        return new CompanyRequest(
                or(parse(row, "kind", v -> CompanyKind.valueOf(v.toUpperCase(Locale.ROOT))), base == null ? CompanyKind.SME : base.kind()),
                cell(row, "siret"),
                or(cell(row, "name"), base == null ? null : base.name()),
                or(cell(row, "naf_code"), base == null ? null : base.nafCode()),
                or(list(row, "processes", Function.identity()), base == null ? null : base.processes()),
                or(list(row, "certifications", CompanyImport::certification), base == null ? null : base.certifications()),
                or(list(row, "sectors", v -> Sector.valueOf(v.toUpperCase(Locale.ROOT))), base == null ? null : base.sectors()),
                or(list(row, "labels", Function.identity()), base == null ? null : base.labels()),
                base == null ? null : base.headcount(),
                or(cell(row, "headcount_band"), base == null ? null : base.headcountBand()),
                base == null ? null : base.capacity(),
                site,
                base == null ? null : base.contact(),
                adviser,
                consent != null ? Boolean.valueOf(parse(row, "matching_consent", CompanyImport::bool))
                        : base != null ? base.matchingConsent() : Boolean.FALSE,
                base == null ? null : base.status());
    }

    private static CompanyRequest.CertificationRequest certification(String value) {
        String[] parts = value.split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + value + "' is not CODE:valid-until (e.g. ISO9001:2027-06-30)");
        }
        try {
            return new CompanyRequest.CertificationRequest(parts[0].strip(), null, LocalDate.parse(parts[1].strip()), null);
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + parts[1] + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "1" -> true;
            case "false", "no", "non", "0" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        };
    }

    private static String cell(CSVRecord row, String column) {
        if (!row.isMapped(column) || !row.isSet(column)) {
            return null;
        }
        String value = row.get(column).strip();
        return value.isEmpty() ? null : value;
    }

    private static <T> T parse(CSVRecord row, String column, Function<String, T> reader) {
        String value = cell(row, column);
        return value == null ? null : read(column, value, reader);
    }

    private static <T> List<T> list(CSVRecord row, String column, Function<String, T> reader) {
        String value = cell(row, column);
        if (value == null) {
            return null;
        }
        List<T> items = new ArrayList<>();
        for (String item : value.split("\\|")) {
            if (!item.isBlank()) {
                items.add(read(column, item.strip(), reader));
            }
        }
        return items;
    }

    private static <T> T read(String column, String value, Function<String, T> reader) {
        try {
            return reader.apply(value);
        }
        catch (IllegalArgumentException e) {
            throw new RowException(new FieldViolation(column, e.getMessage() != null && e.getMessage().startsWith("'")
                    ? e.getMessage() : "'" + value + "' is not accepted"));
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** A cell that cannot even be read into the request. */
    private static final class RowException extends RuntimeException {

        private final FieldViolation violation;

        RowException(FieldViolation violation) {
            super(violation.toString(), null, false, false);
            this.violation = violation;
        }
    }

    /** What an import did: counts, and each rejected row with its reasons. */
    static final class ImportReport {

        int created;
        int updated;
        int unchanged;
        final List<Rejection> rejections = new ArrayList<>();

        void reject(int line, String siret, List<FieldViolation> errors) {
            rejections.add(new Rejection(line, siret, errors));
        }

        Map<String, Object> toJson() {
            return Map.of("rows", created + updated + unchanged + rejections.size(), "created", created,
                    "updated", updated, "unchanged", unchanged, "rejected", rejections.size(),
                    "rejections", rejections);
        }
    }

    /** A row that was not imported, with every reason. */
    record Rejection(int line, String siret, List<FieldViolation> errors) {
    }
}
