package fr.relocmatch.company.profile;

import java.util.HashSet;
import java.util.Objects;
import fr.relocmatch.reference.Sector;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import fr.relocmatch.reference.QuantityUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import fr.relocmatch.contracts.schema.FieldViolation;
import fr.relocmatch.api.InvalidInputException;
import fr.relocmatch.establishments.EstablishmentFile;

import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Bulk import of establishments from a CSV file with SIRENE-like columns, upserting by SIRET: a
 * re-run changes nothing and publishes nothing. Every row goes through the same rules as the REST
 * API; a rejected row is reported with its line and every reason at once, and does not stop the
 * others. The file is read as {@link EstablishmentFile} reads it: UTF-8 (with or without byte
 * order mark) or Windows-1252, separated by commas, semicolons or tabs, column names in any case.
 *
 * <p>Columns (header required, order free): {@code siret}, {@code name}, {@code naf_code},
 * {@code commune_code} or {@code postal_code}, {@code headcount_band}, and optionally {@code kind}
 * (SME by default), {@code processes} ({@code |}-separated), {@code certifications}
 * ({@code CODE:valid-until|…}), {@code labels}, {@code sectors}, {@code adviser_email} (else the
 * default given with the file), {@code matching_consent} ({@code true}/{@code false},
 * {@code oui}/{@code non}, {@code yes}/{@code no}, {@code 1}/{@code 0}, any case; false when
 * absent for a new profile: consent is never assumed), {@code headcount} (exact),
 * {@code capacity_quantity}, {@code capacity_unit}, {@code capacity_available_percent},
 * {@code status} ({@code ACTIVE}/{@code INACTIVE}, or SIRENE's {@code A}/{@code F}) and
 * {@code last_confirmed_at} (the day the source last confirmed the establishment: the profile's
 * {@code lastConfirmedAt}, so that an imported base does not all look freshly confirmed; never in
 * the future, never older than a confirmation the profile has). An empty cell keeps what an existing
 * profile has. A SIRET on several rows of one file is not imported at all ({@link
 * EstablishmentFile#repeatedSirets()}). Each fault names the file's column.
 */
@Service
class CompanyImport {

    /** The API's field names as the file's columns, for the reasons of a rejected row. */
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("nafCode", "naf_code"),
            Map.entry("headcountBand", "headcount_band"), Map.entry("headcount", "headcount_band"),
            Map.entry("adviserEmail", "adviser_email"), Map.entry("matchingConsent", "matching_consent"),
            Map.entry("site.communeCode", "commune_code"), Map.entry("site.postalCode", "postal_code"),
            Map.entry("capacity", "capacity_quantity"), Map.entry("capacity.annualQuantity", "capacity_quantity"),
            Map.entry("capacity.unit", "capacity_unit"), Map.entry("capacity.availablePercent", "capacity_available_percent"));

    /** The days a source gives are days in France. */
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final CompanyProfiles profiles;
    private final CompanyValidator validator;
    private final Clock clock;

    CompanyImport(CompanyProfiles profiles, CompanyValidator validator, Clock clock) {
        this.profiles = profiles;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * @param firstLine the line number of the first data row in the caller's file, so that a client
     *                  sending a large file in chunks gets line numbers of the whole file
     */
    ImportReport run(EstablishmentFile file, String defaultAdviserEmail, int firstLine) {
        List<String> missing = file.missingColumns();
        if (!missing.isEmpty()) {
            throw InvalidInputException.of("header", "missing column(s) " + missing + "; found " + file.columns()
                    + " (read as " + file.describe() + ")");
        }
        ImportReport report = new ImportReport(file.describe());
        List<EstablishmentFile.Row> rows = file.rows();
        int offset = rows.isEmpty() ? 0 : firstLine - rows.getFirst().line();
        Map<EstablishmentFile.Row, List<Integer>> repeated = file.repeatedSirets();
        // One query for the profiles the file already has, rather than one per row.
        Map<String, CompanyDocument> existing = profiles.findBySirets(rows.stream().map(r -> file.value(r, "siret"))
                .filter(Objects::nonNull).toList());
        for (int i = 0; i < rows.size(); i++) {
            EstablishmentFile.Row row = rows.get(i);
            int line = row.line() + offset;
            if (repeated.containsKey(row)) {
                report.reject(i + 1, line, file.value(row, "siret"), List.of(new FieldViolation("siret",
                        EstablishmentFile.repeatedReason(repeated.get(row).stream().map(l -> l + offset).toList()))));
            }
            else {
                importRow(file, row, i + 1, line, defaultAdviserEmail, existing, report);
            }
        }
        return report;
    }

    private void importRow(EstablishmentFile file, EstablishmentFile.Row row, int index, int line,
            String defaultAdviserEmail, Map<String, CompanyDocument> known, ImportReport report) {
        String siret = file.value(row, "siret");
        try {
            CompanyDocument existing = siret == null ? null : known.get(siret);
            Cells cells = new Cells(file, row);
            CompanyRequest request = overlay(existing == null ? null : existing.toRequest(), cells, defaultAdviserEmail);
            LocalDate today = LocalDate.now(clock.withZone(FRANCE));
            LocalDate confirmed = cells.parse("last_confirmed_at", v -> {
                LocalDate day = day(v);
                if (day.isAfter(today)) {
                    throw new IllegalArgumentException("'" + v + "' is in the future");
                }
                return day;
            });
            ValidCompany valid = null;
            try {
                valid = validator.validate(request);
            }
            catch (InvalidInputException e) {
                cells.faults.addAll(e.violations().stream().map(v -> new FieldViolation(column(v.field(), cells), v.message()))
                        .filter(v -> cells.unread.stream().noneMatch(v.field()::equals)).toList());
            }
            if (!cells.faults.isEmpty()) {
                report.reject(index, line, siret, cells.faults);
                return;
            }
            Long before = existing == null ? null : existing.getVersion();
            CompanyDocument saved = profiles.imported(existing, valid,
                    confirmed == null ? null : confirmed.atStartOfDay(FRANCE).toInstant());
            known.put(valid.siret(), saved);
            if (existing == null) {
                report.created++;
            }
            else if (saved.getVersion().equals(before)) {
                report.unchanged++;
            }
            else {
                report.updated++;
            }
        }
        catch (ErrorResponseException e) {
            // Duplicate SIRET within a concurrent import, stale version...
            report.reject(index, line, siret, List.of(new FieldViolation("siret", e.getBody().getDetail())));
        }
    }

    /** The file's column an API field comes from: {@code nafCode} → {@code naf_code}, {@code processes[1]} → {@code processes}. */
    private static String column(String field, Cells cells) {
        if (COLUMNS.containsKey(field)) {
            return COLUMNS.get(field);
        }
        String root = field.replaceAll("[\\[.].*$", "");
        if ("site".equals(root)) {
            return cells.value("commune_code") != null || cells.value("postal_code") == null ? "commune_code" : "postal_code";
        }
        return COLUMNS.getOrDefault(root, root);
    }

    /** The row's cells over the existing profile (or over nothing): an empty cell keeps the current value. */
    private static CompanyRequest overlay(CompanyRequest base, Cells row, String defaultAdviserEmail) {
        CompanyRequest.SiteRequest site = row.value("commune_code") != null || row.value("postal_code") != null
                ? new CompanyRequest.SiteRequest(row.value("commune_code"), row.value("postal_code"))
                : base == null ? null : base.site();
        String adviser = or(row.value("adviser_email"), base == null ? defaultAdviserEmail : base.adviserEmail());
        Boolean consent = row.parse("matching_consent", CompanyImport::bool);
        return new CompanyRequest(
                or(row.parse("kind", v -> CompanyKind.valueOf(v.toUpperCase(Locale.ROOT))), base == null ? CompanyKind.SME : base.kind()),
                row.value("siret"),
                or(row.value("name"), base == null ? null : base.name()),
                or(row.value("naf_code"), base == null ? null : base.nafCode()),
                or(row.list("processes", Function.identity()), base == null ? null : base.processes()),
                or(row.list("certifications", CompanyImport::certification), base == null ? null : base.certifications()),
                or(row.list("sectors", v -> Sector.valueOf(v.toUpperCase(Locale.ROOT))), base == null ? null : base.sectors()),
                or(row.list("labels", Function.identity()), base == null ? null : base.labels()),
                or(row.parse("headcount", CompanyImport::wholeNumber), base == null ? null : base.headcount()),
                or(row.value("headcount_band"), base == null ? null : base.headcountBand()),
                capacity(row, base == null ? null : base.capacity()),
                site,
                base == null ? null : base.contact(),
                adviser,
                or(consent, base != null ? base.matchingConsent() : Boolean.FALSE),
                or(row.parse("status", CompanyImport::status), base == null ? null : base.status()));
    }

    /** The capacity columns over the profile's capacity, cell by cell; none given: the profile's. */
    private static CompanyRequest.CapacityRequest capacity(Cells row, CompanyRequest.CapacityRequest base) {
        BigDecimal quantity = row.parse("capacity_quantity", CompanyImport::decimal);
        QuantityUnit unit = row.parse("capacity_unit", v -> {
            try {
                return QuantityUnit.valueOf(v.toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException("'" + v + "' is not one of " + java.util.Arrays.toString(QuantityUnit.values()));
            }
        });
        BigDecimal available = row.parse("capacity_available_percent", v -> decimal(v.replace("%", "")));
        if (quantity == null && unit == null && available == null) {
            return base;
        }
        return new CompanyRequest.CapacityRequest(or(quantity, base == null ? null : base.annualQuantity()),
                or(unit, base == null ? null : base.unit()), or(available, base == null ? null : base.availablePercent()));
    }

    /** {@code ACTIVE}/{@code INACTIVE}, or SIRENE's administrative state of an establishment: {@code A} (active), {@code F} (closed). */
    private static CompanyStatus status(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "ACTIVE", "A" -> CompanyStatus.ACTIVE;
            case "INACTIVE", "F" -> CompanyStatus.INACTIVE;
            default -> throw new IllegalArgumentException("'" + value + "' is not one of ACTIVE, INACTIVE, A, F (SIRENE: active, closed)");
        };
    }

    private static Integer wholeNumber(String value) {
        try {
            return Integer.valueOf(value.replace(" ", "").replace("\u00a0", ""));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
    }

    /** A number as a French or English spreadsheet writes it: {@code 12 000,5} or {@code 12000.5}. */
    private static BigDecimal decimal(String value) {
        try {
            return new BigDecimal(value.replace(" ", "").replace("\u00a0", "").replace("\u202f", "").replace(',', '.').strip());
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value.strip());
        }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value + "' is not a date (YYYY-MM-DD)");
        }
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

    /** What {@code matching_consent} accepts, in any case. */
    private static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui", "1" -> true;
            case "false", "no", "non", "0" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not one of true, false, oui, non, yes, no, 1, 0");
        };
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** A row's cells as they are read, and every cell that could not be ({@code unread}, with its fault). */
    private static final class Cells {

        private final EstablishmentFile file;
        private final EstablishmentFile.Row row;
        final List<FieldViolation> faults = new ArrayList<>();
        final Set<String> unread = new HashSet<>();

        Cells(EstablishmentFile file, EstablishmentFile.Row row) {
            this.file = file;
            this.row = row;
        }

        String value(String column) {
            return file.value(row, column);
        }

        <T> T parse(String column, Function<String, T> reader) {
            String value = value(column);
            return value == null ? null : read(column, value, reader);
        }

        <T> List<T> list(String column, Function<String, T> reader) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            List<T> items = new ArrayList<>();
            for (String item : value.split("\\|")) {
                if (!item.isBlank()) {
                    T read = read(column, item.strip(), reader);
                    if (read != null) {
                        items.add(read);
                    }
                }
            }
            return unread.contains(column) ? null : items;
        }

        private <T> T read(String column, String value, Function<String, T> reader) {
            try {
                return reader.apply(value);
            }
            catch (IllegalArgumentException e) {
                unread.add(column);
                faults.add(new FieldViolation(column, e.getMessage() != null && e.getMessage().startsWith("'")
                        ? e.getMessage() : "'" + value + "' is not accepted"));
                return null;
            }
        }
    }

    /** What an import did: counts, and each rejected row with its reasons. */
    static final class ImportReport {

        private final String readAs;
        int created;
        int updated;
        int unchanged;
        final List<Rejection> rejections = new ArrayList<>();

        ImportReport(String readAs) {
            this.readAs = readAs;
        }

        void reject(int row, int line, String siret, List<FieldViolation> errors) {
            rejections.add(new Rejection(row, line, siret, errors));
        }

        Map<String, Object> toJson() {
            return Map.of("rows", created + updated + unchanged + rejections.size(), "created", created,
                    "updated", updated, "unchanged", unchanged, "rejected", rejections.size(),
                    "rejections", rejections, "readAs", readAs);
        }
    }

    /**
     * A row that was not imported, with every reason.
     *
     * @param row  its place among the data rows of the request (1 for the first), for a client
     *             sending a file in chunks to find it in its file
     * @param line its line, counted from {@code firstLine}
     */
    record Rejection(int row, int line, String siret, List<FieldViolation> errors) {
    }
}
