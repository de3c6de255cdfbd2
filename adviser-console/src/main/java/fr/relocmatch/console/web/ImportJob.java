package fr.relocmatch.console.web;

import java.util.Comparator;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.relocmatch.establishments.EstablishmentFile;

/**
 * A CSV import under way, kept in the person's HTTP session while the page sends it chunk by
 * chunk: the file as read ({@link EstablishmentFile}: encoding and separator detected, rows as
 * written), what the service answered so far, and the rejected rows with their reasons. Rows
 * sharing a SIRET are rejected before anything is sent — across chunks, which the service could
 * not see — and never sent.
 */
public final class ImportJob implements Serializable {

    @Serial
    private static final long serialVersionUID = 2L;
    static final int CHUNK = 500;

    private final String id = UUID.randomUUID().toString();
    private final String fileName;
    private final EstablishmentFile file;
    /** The rows to send, in the file's order: all but those of a repeated SIRET. */
    private final List<EstablishmentFile.Row> sendable;
    private final String adviserEmail;
    private int sent;
    private final Map<String, Integer> counts = new LinkedHashMap<>(Map.of("created", 0, "updated", 0, "unchanged", 0,
            "rejected", 0));
    private final List<EstablishmentFile.Rejected> rejections = new ArrayList<>();

    private ImportJob(String fileName, EstablishmentFile file, String adviserEmail) {
        this.fileName = fileName;
        this.file = file;
        this.adviserEmail = adviserEmail;
        Map<EstablishmentFile.Row, List<Integer>> repeated = file.repeatedSirets();
        repeated.forEach((row, others) -> rejections.add(new EstablishmentFile.Rejected(row,
                "siret: " + EstablishmentFile.repeatedReason(others))));
        counts.put("rejected", repeated.size());
        this.sendable = new ArrayList<>(file.rows().stream().filter(row -> !repeated.containsKey(row)).toList());
    }

    /**
     * Reads an uploaded file.
     *
     * @throws EstablishmentFile.UnreadableFile when it is empty or not CSV
     */
    static ImportJob of(String fileName, byte[] content, String adviserEmail) {
        return new ImportJob(fileName, EstablishmentFile.read(content), adviserEmail);
    }

    /** The columns an import needs and the file lacks (nothing is sent then). */
    public List<String> missingColumns() {
        return file.missingColumns();
    }

    public List<String> columns() {
        return file.columns();
    }

    public boolean done() {
        return sent >= sendable.size();
    }

    /** The next chunk as a CSV of its own (the header, then its rows), and the file line of its first row. */
    Chunk next() {
        List<EstablishmentFile.Row> rows = sendable.subList(sent, Math.min(sendable.size(), sent + CHUNK));
        return new Chunk(file.csv(rows), rows.getFirst().line(), sent, rows.size());
    }

    /** What the service answered for the chunk just sent. */
    @SuppressWarnings("unchecked")
    void answered(Chunk chunk, Map<String, Object> report) {
        for (String count : counts.keySet()) {
            counts.merge(count, ((Number) report.getOrDefault(count, 0)).intValue(), Integer::sum);
        }
        for (Map<String, Object> rejection : (List<Map<String, Object>>) report.getOrDefault("rejections", List.of())) {
            List<String> reasons = new ArrayList<>();
            for (Map<String, Object> error : (List<Map<String, Object>>) rejection.getOrDefault("errors", List.of())) {
                reasons.add(error.get("field") + ": " + error.get("message"));
            }
            int row = ((Number) rejection.get("row")).intValue();
            rejections.add(new EstablishmentFile.Rejected(sendable.get(chunk.from() + row - 1), String.join("; ", reasons)));
        }
        sent += chunk.rows();
    }

    /**
     * The rejected rows as they were in the file, each followed by its line and reasons, in the
     * file's encoding and separator: to correct and import again.
     */
    byte[] rejectsCsv() {
        List<EstablishmentFile.Rejected> byLine = new ArrayList<>(rejections);
        byLine.sort(Comparator.comparingInt(r -> r.row().line()));
        return file.rejects(byLine);
    }

    /** The charset the rejects file is written in (the file's). */
    java.nio.charset.Charset rejectsCharset() {
        return file.charset();
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    /** How the file was read: {@code Windows-1252, separated by ';'}. */
    public String readAs() {
        return file.describe();
    }

    /** {@code UTF-8}, {@code Windows-1252}… */
    public String encoding() {
        return file.encoding() + (file.byteOrderMark() ? " (BOM)" : "");
    }

    /** The separator as shown: {@code ;}, {@code ,} or {@code TAB}. */
    public String separator() {
        return file.separator() == '\t' ? "TAB" : String.valueOf(file.separator());
    }

    public String adviserEmail() {
        return adviserEmail;
    }

    public int total() {
        return file.rows().size();
    }

    /** Rows dealt with: sent, or rejected before sending. */
    public int sent() {
        return sent + (file.rows().size() - sendable.size());
    }

    public Map<String, Integer> counts() {
        return counts;
    }

    /** The rejected rows by line. */
    public List<Rejection> rejections() {
        return rejections.stream().sorted(Comparator.comparingInt(r -> r.row().line()))
                .map(r -> new Rejection(r.row().line(), r.reasons())).toList();
    }

    /** A chunk to send: its CSV, the line of its first row, where it starts among the rows to send, its size. */
    public record Chunk(String csv, int firstLine, int from, int rows) implements Serializable {
    }

    /** A rejected row's line and reasons, for the page. */
    public record Rejection(int line, String reasons) {
    }
}
