package fr.relocmatch.establishments;

import java.util.Arrays;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file of establishments as a CCI keeps it — most often an Excel export: read as UTF-8
 * (with or without its byte order mark) or, when its bytes are not UTF-8, as Windows-1252 (what
 * Excel writes for "CSV" in France); separated by commas, semicolons (French Excel) or tabs,
 * whichever the header line uses most. Column names are read without case or surrounding spaces.
 *
 * <p>Each row keeps its line in the file and its text as written, so that a rejected row can be
 * given back as it was, to be corrected and imported again ({@link #rejects}).
 */
public final class EstablishmentFile implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** What Excel writes for "CSV (séparateur : point-virgule)" on a French Windows. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The columns an import needs; a site needs {@code commune_code} or {@code postal_code}. */
    public static final List<String> REQUIRED_COLUMNS = List.of("siret", "name", "naf_code");

    private final String encoding;
    private final boolean byteOrderMark;
    private final char separator;
    private final String headerLine;
    private final List<String> columns;
    private final List<Row> rows;

    private EstablishmentFile(String encoding, boolean byteOrderMark, char separator, String headerLine,
            List<String> columns, List<Row> rows) {
        this.encoding = encoding;
        this.byteOrderMark = byteOrderMark;
        this.separator = separator;
        this.headerLine = headerLine;
        this.columns = columns;
        this.rows = rows;
    }

    /** A data row: its line in the file (where it starts), its text as written, its cells. */
    public record Row(int line, String text, List<String> values) implements Serializable {
    }

    /** A file that cannot be read as CSV at all (a quote never closed, nothing but blank lines). */
    public static final class UnreadableFile extends RuntimeException {

        @Serial
        private static final long serialVersionUID = 1L;

        UnreadableFile(String message) {
            super(message);
        }
    }

    /** Reads the bytes of a file, detecting its encoding. */
    public static EstablishmentFile read(byte[] content) {
        return read(content, null);
    }

    /**
     * @param declared the charset the sender named ({@code Content-Type: text/csv; charset=…}), or
     *                 {@code null}; a UTF-8 one is checked like an undeclared one (Excel files
     *                 uploaded "as UTF-8" are often not), any other is believed
     */
    public static EstablishmentFile read(byte[] content, Charset declared) {
        String encoding;
        String text;
        boolean bom = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF;
        if (bom) {
            encoding = "UTF-8";
            text = new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        else if (declared != null && !StandardCharsets.UTF_8.equals(declared) && !StandardCharsets.US_ASCII.equals(declared)) {
            encoding = declared.displayName(Locale.ROOT);
            text = new String(content, declared);
        }
        else {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
                encoding = "UTF-8";
            }
            catch (CharacterCodingException notUtf8) {
                text = new String(content, WINDOWS_1252);
                encoding = "Windows-1252";
            }
        }
        return parse(text, encoding, bom);
    }

    private static EstablishmentFile parse(String text, String encoding, boolean bom) {
        char separator = separator(firstLine(text));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = format.parse(new StringReader(text))) {
            records = parser.getRecords();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (IllegalStateException | UncheckedIOException e) {
            throw new UnreadableFile("is not readable CSV: " + e.getMessage());
        }
        if (records.isEmpty()) {
            throw new UnreadableFile("is empty: a header line (siret, name, naf_code, commune_code…) and rows are expected");
        }
        int[] lineStarts = lineStarts(text);
        List<Row> rows = new ArrayList<>(records.size() - 1);
        String headerLine = null;
        for (int i = 0; i < records.size(); i++) {
            int start = (int) records.get(i).getCharacterPosition();
            int end = i + 1 < records.size() ? (int) records.get(i + 1).getCharacterPosition() : text.length();
            while (start < end && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
                start++; // the blank lines skipped before the record
            }
            String written = text.substring(start, end).stripTrailing();
            if (i == 0) {
                headerLine = written;
            }
            else {
                rows.add(new Row(lineOf(lineStarts, start), written, List.of(records.get(i).values())));
            }
        }
        List<String> columns = records.getFirst().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        return new EstablishmentFile(encoding, bom, separator, headerLine, columns, rows);
    }

    private static String firstLine(String text) {
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (!line.isBlank()) {
                return line;
            }
        }
        return "";
    }

    /** The separator the header line uses most, outside quotes; a comma when it uses none. */
    private static char separator(String header) {
        Map<Character, Integer> counts = new LinkedHashMap<>(Map.of(',', 0, ';', 0, '\t', 0));
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            else if (!quoted && counts.containsKey(c)) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        char best = ',';
        for (char candidate : new char[] {';', '\t'}) {
            if (counts.get(candidate) > counts.get(best)) {
                best = candidate;
            }
        }
        return best;
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int position) {
        int index = Arrays.binarySearch(lineStarts, position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** {@code UTF-8}, {@code Windows-1252}… */
    public String encoding() {
        return encoding;
    }

    /** The charset the file was read in: a rejects file is written in it. */
    public Charset charset() {
        return Charset.forName(encoding);
    }

    public boolean byteOrderMark() {
        return byteOrderMark;
    }

    public char separator() {
        return separator;
    }

    /** How the file was read, in words: {@code Windows-1252, separated by ';'}. */
    public String describe() {
        return encoding + (byteOrderMark ? " with byte order mark" : "") + ", separated by "
                + (separator == '\t' ? "tabs" : "'" + separator + "'");
    }

    /** Column names, stripped and in lower case, in the file's order. */
    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The cell of a row under a column, stripped; {@code null} when empty or absent. */
    public String value(Row row, String column) {
        int index = columns.indexOf(column);
        if (index < 0 || index >= row.values().size()) {
            return null;
        }
        String value = row.values().get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** The required columns the header lacks, in words; empty when an import can read the file. */
    public List<String> missingColumns() {
        List<String> missing = new ArrayList<>(REQUIRED_COLUMNS.stream().filter(c -> !columns.contains(c)).toList());
        if (!columns.contains("commune_code") && !columns.contains("postal_code")) {
            missing.add("commune_code or postal_code");
        }
        return missing;
    }

    /**
     * Rows whose SIRET another row of the file has too, each with the lines of the others. Such a
     * file says two things of one establishment: neither is imported (which one is right is the
     * CCI's call), so that importing the file again changes nothing.
     */
    public Map<Row, List<Integer>> repeatedSirets() {
        Map<String, List<Row>> bySiret = new HashMap<>();
        for (Row row : rows) {
            String siret = value(row, "siret");
            if (siret != null) {
                bySiret.computeIfAbsent(siret.replace(" ", ""), s -> new ArrayList<>()).add(row);
            }
        }
        Map<Row, List<Integer>> repeated = new LinkedHashMap<>();
        for (Row row : rows) {
            String siret = value(row, "siret");
            List<Row> same = siret == null ? List.of() : bySiret.get(siret.replace(" ", ""));
            if (same.size() > 1) {
                repeated.put(row, same.stream().filter(other -> other.line() != row.line()).map(Row::line).toList());
            }
        }
        return repeated;
    }

    /** The reason given for a repeated SIRET's row. */
    public static String repeatedReason(List<Integer> otherLines) {
        return "this SIRET is also on line " + otherLines.stream().map(String::valueOf)
                .reduce((a, b) -> a + ", " + b).orElse("?")
                + ": keep one row per establishment (none of these rows was imported)";
    }

    /**
     * Some rows as a CSV of their own, in UTF-8 with commas and the file's column names: what an
     * import client sends, a chunk at a time.
     */
    public String csv(List<Row> some) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(columns.toArray(String[]::new)).setRecordSeparator('\n').get())) {
            for (Row row : some) {
                printer.printRecord(row.values());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A row not imported, and why. */
    public record Rejected(Row row, String reasons) implements Serializable {
    }

    /**
     * The rejected rows as they were written, each followed by its line and reasons, under the
     * file's own header — in the file's encoding and separator, so that it opens as the file did.
     */
    public byte[] rejects(List<Rejected> rejected) {
        String quote = "\"";
        StringBuilder text = new StringBuilder(headerLine).append(separator).append("line").append(separator)
                .append("rejected_because").append("\r\n");
        for (Rejected one : rejected) {
            text.append(one.row().text()).append(separator).append(one.row().line()).append(separator).append(quote)
                    .append(one.reasons().replace(quote, quote + quote)).append(quote).append("\r\n");
        }
        CharsetEncoder encoder = charset().newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer bytes;
        try {
            bytes = encoder.encode(CharBuffer.wrap(text));
        }
        catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // REPLACE never throws
        }
        byte[] body = new byte[bytes.remaining()];
        bytes.get(body);
        if (!byteOrderMark) {
            return body;
        }
        byte[] withMark = new byte[body.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withMark, 3, body.length);
        return withMark;
    }
}
