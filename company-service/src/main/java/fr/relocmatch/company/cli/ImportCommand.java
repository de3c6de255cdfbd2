package fr.relocmatch.company.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a CSV of establishments into a running company-service: sends it in chunks to
 * {@code POST /api/v1/companies/import}, draws a progress bar, prints the totals and writes the
 * rejected rows with their reasons next to the file ({@code <file>.rejects.csv}).
 *
 * <pre>
 * ./import-companies.sh establishments.csv [--url http://localhost:8081] [--adviser-email a@cci.fr] [--chunk 500] [--token TOKEN]
 * </pre>
 * Imports are a région admin's: the access token comes from {@code --token} or the
 * {@code RELOCMATCH_TOKEN} environment variable (e.g. {@code RELOCMATCH_TOKEN=$(scripts/token.sh admin.normandie)}).
 */
public final class ImportCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String accessToken;
    private final String adviserEmail;
    private final int chunkSize;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    ImportCommand(String baseUrl, String accessToken, String adviserEmail, int chunkSize, PrintStream out) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/api/v1/companies/import");
        this.accessToken = accessToken;
        this.adviserEmail = adviserEmail;
        this.chunkSize = chunkSize;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8081";
        String adviser = null;
        String token = System.getenv("RELOCMATCH_TOKEN");
        int chunk = 500;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--adviser-email" -> adviser = args[++i];
                case "--chunk" -> chunk = Integer.parseInt(args[++i]);
                case "--token" -> token = args[++i];
                case "-h", "--help" -> {
                    System.out.println("usage: import-companies.sh FILE.csv [--url URL] [--adviser-email EMAIL] [--chunk ROWS] [--token TOKEN]");
                    return;
                }
                default -> file = Path.of(args[i]);
            }
        }
        if (file == null) {
            System.err.println("usage: import-companies.sh FILE.csv [--url URL] [--adviser-email EMAIL] [--chunk ROWS] [--token TOKEN]");
            System.exit(2);
        }
        try {
            Totals totals = new ImportCommand(url, token, adviser, chunk, System.err).run(file);
            System.exit(totals.failedChunks > 0 ? 1 : 0);
        }
        catch (Refused refused) {
            System.err.println(refused.getMessage());
            System.exit(2);
        }
    }

    /** Sends the file and answers the totals; rejected rows go to {@code <file>.rejects.csv}. */
    Totals run(Path file) throws IOException, InterruptedException {
        long rows = countRows(file);
        Totals totals = new Totals();
        long started = System.nanoTime();
        Path rejects = file.resolveSibling(file.getFileName() + ".rejects.csv");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
                CSVPrinter rejected = new CSVPrinter(Files.newBufferedWriter(rejects, StandardCharsets.UTF_8),
                        CSVFormat.DEFAULT.builder().setHeader("line", "siret", "reasons").get())) {
            List<String> header = parser.getHeaderNames();
            List<CSVRecord> chunk = new ArrayList<>(chunkSize);
            long firstLine = 2;
            for (CSVRecord row : parser) {
                if (chunk.isEmpty()) {
                    firstLine = row.getRecordNumber() + 1;
                }
                chunk.add(row);
                if (chunk.size() == chunkSize) {
                    send(header, chunk, firstLine, totals, rejected);
                    chunk.clear();
                    progress(totals, rows, started);
                }
            }
            if (!chunk.isEmpty()) {
                send(header, chunk, firstLine, totals, rejected);
            }
            progress(totals, rows, started);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("%n%d rows in %.1f s (%.0f rows/s): %d created, %d updated, %d unchanged, %d rejected%s%n",
                totals.rows, seconds, totals.rows / Math.max(seconds, 1e-3), totals.created, totals.updated,
                totals.unchanged, totals.rejected, totals.rejected > 0 ? " — see " + rejects : "");
        if (totals.failedChunks > 0) {
            out.printf("%d chunk(s) were refused as a whole; see the messages above.%n", totals.failedChunks);
        }
        return totals;
    }

    private void send(List<String> header, List<CSVRecord> chunk, long firstLine, Totals totals, CSVPrinter rejected)
            throws IOException, InterruptedException {
        Writer body = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(body, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (CSVRecord row : chunk) {
                printer.printRecord(row.values());
            }
        }
        String query = "?firstLine=" + firstLine + (adviserEmail == null ? ""
                : "&adviserEmail=" + URLEncoder.encode(adviserEmail, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + query))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "text/csv; charset=utf-8")
                .header("Authorization", "Bearer " + (accessToken == null ? "" : accessToken))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        totals.rows += chunk.size();
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new Refused("company-service refused the import (" + response.statusCode() + "): imports are run by a "
                    + "région admin; give their access token with --token or RELOCMATCH_TOKEN "
                    + "(RELOCMATCH_TOKEN=$(scripts/token.sh admin.normandie) with ./run-local.sh). Nothing was imported "
                    + (firstLine > 2 ? "from line " + firstLine + " on." : "."));
        }
        if (response.statusCode() != 200) {
            totals.failedChunks++;
            totals.rejected += chunk.size();
            out.printf("%nLines %d–%d refused (%d): %s%n", firstLine, firstLine + chunk.size() - 1,
                    response.statusCode(), response.body());
            return;
        }
        JsonNode report = JSON.readTree(response.body());
        totals.created += report.get("created").asInt();
        totals.updated += report.get("updated").asInt();
        totals.unchanged += report.get("unchanged").asInt();
        totals.rejected += report.get("rejected").asInt();
        for (JsonNode rejection : report.get("rejections")) {
            List<String> reasons = new ArrayList<>();
            rejection.get("errors").forEach(e -> reasons.add(e.get("field").asString() + ": " + e.get("message").asString()));
            rejected.printRecord(rejection.get("line").asInt(), rejection.path("siret").asString(""),
                    String.join("; ", reasons));
        }
    }

    private void progress(Totals totals, long rows, long started) {
        int width = 40;
        double done = rows == 0 ? 1 : (double) totals.rows / rows;
        int filled = (int) Math.round(done * width);
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("\r[%s%s] %d/%d rows  %.0f rows/s  %d rejected", "#".repeat(filled), "-".repeat(width - filled),
                totals.rows, rows, totals.rows / Math.max(seconds, 1e-3), totals.rejected);
    }

    private static long countRows(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return parser.stream().count();
        }
    }

    /** What the whole import did. */
    /** The service refused the caller: no later chunk would fare better. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    static final class Totals {
        long rows;
        long created;
        long updated;
        long unchanged;
        long rejected;
        long failedChunks;
    }
}
