package fr.relocmatch.console.web;

import java.io.Serial;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A CSV import under way, kept in the person's HTTP session while the page sends it chunk by
 * chunk: the rows as read from the file (by their line number), what the service answered so far,
 * and the rejected rows with their reasons.
 */
public final class ImportJob implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final int CHUNK = 500;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final String id = UUID.randomUUID().toString();
    private final String fileName;
    private final String encoding;
    private final String header;
    /** Each row's text and the line of the file it starts on. */
    private final List<String> rows;
    private final List<Integer> lines;
    private final String adviserEmail;
    private int sent;
    private final Map<String, Integer> counts = new LinkedHashMap<>(Map.of("created", 0, "updated", 0, "unchanged", 0,
            "rejected", 0));
    private final List<Rejection> rejections = new ArrayList<>();

    private ImportJob(String fileName, String encoding, String header, List<String> rows, List<Integer> lines,
            String adviserEmail) {
        this.fileName = fileName;
        this.encoding = encoding;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
        this.adviserEmail = adviserEmail;
    }

    /**
     * Reads an uploaded file: UTF-8 (with or without its byte order mark), else Windows-1252 (a plain
     * Excel export); rows split at line ends outside quotes, blank lines skipped.
     */
    static ImportJob of(String fileName, byte[] content, String adviserEmail) {
        String encoding;
        String text;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) {
            encoding = "UTF-8 (BOM)";
            text = new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
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
        List<String> records = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        StringBuilder record = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if ((c == '\n' || c == '\r') && !quoted) {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!record.toString().isBlank()) {
                    records.add(record.toString());
                    starts.add(start);
                }
                record.setLength(0);
                line++;
                start = line;
                continue;
            }
            if (c == '\n') {
                line++;
            }
            record.append(c);
        }
        if (!record.toString().isBlank()) {
            records.add(record.toString());
            starts.add(start);
        }
        if (records.isEmpty()) {
            throw new IllegalArgumentException("empty");
        }
        return new ImportJob(fileName, encoding, records.getFirst(), new ArrayList<>(records.subList(1, records.size())),
                new ArrayList<>(starts.subList(1, starts.size())), adviserEmail);
    }

    public boolean done() {
        return sent >= rows.size();
    }

    /** The next chunk as a CSV of its own (the header, then its rows), and the file line of its first row. */
    Chunk next() {
        int end = Math.min(rows.size(), sent + CHUNK);
        StringBuilder csv = new StringBuilder(header).append('\n');
        rows.subList(sent, end).forEach(row -> csv.append(row).append('\n'));
        return new Chunk(csv.toString(), lines.get(sent), end - sent);
    }

    /** What the service answered for the chunk just sent. */
    @SuppressWarnings("unchecked")
    void answered(Chunk chunk, Map<String, Object> report) {
        for (String count : counts.keySet()) {
            counts.merge(count, ((Number) report.getOrDefault(count, 0)).intValue(), Integer::sum);
        }
        for (Map<String, Object> rejection : (List<Map<String, Object>>) report.getOrDefault("rejections", List.of())) {
            int line = ((Number) rejection.get("line")).intValue();
            List<String> reasons = new ArrayList<>();
            for (Map<String, Object> error : (List<Map<String, Object>>) rejection.getOrDefault("errors", List.of())) {
                reasons.add(error.get("field") + ": " + error.get("message"));
            }
            int index = lines.indexOf(line);
            rejections.add(new Rejection(line, index < 0 ? "" : rows.get(index), String.join("; ", reasons)));
        }
        sent += chunk.rows();
    }

    /** The rejected rows as they were in the file, each followed by its reasons: to correct and import again. */
    String rejectsCsv() {
        StringBuilder csv = new StringBuilder(header).append(",line,rejected_because\n");
        for (Rejection rejection : rejections) {
            csv.append(rejection.row()).append(',').append(rejection.line()).append(",\"")
                    .append(rejection.reasons().replace("\"", "\"\"")).append("\"\n");
        }
        return csv.toString();
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public String encoding() {
        return encoding;
    }

    public String adviserEmail() {
        return adviserEmail;
    }

    public int total() {
        return rows.size();
    }

    public int sent() {
        return sent;
    }

    public Map<String, Integer> counts() {
        return counts;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    public record Chunk(String csv, int firstLine, int rows) implements Serializable {
    }

    public record Rejection(int line, String row, String reasons) implements Serializable {
    }
}
