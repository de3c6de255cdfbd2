package fr.relocmatch.company.cli;

import java.util.Comparator;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.Map;

import fr.relocmatch.establishments.EstablishmentFile;


import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a CSV of establishments into a running company-service: reads it as
 * {@link EstablishmentFile} does (UTF-8 or Windows-1252, commas, semicolons or tabs — said before
 * it starts), sends it in chunks to {@code POST /api/v1/companies/import}, draws a progress bar,
 * prints the totals and writes the rejected rows as they were in the file, with their line and
 * reasons, next to it ({@code <file>.rejects.csv}, in the file's encoding and separator). Rows
 * sharing a SIRET are rejected here, across chunks, and never sent.
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
        EstablishmentFile establishments;
        try {
            establishments = EstablishmentFile.read(Files.readAllBytes(file));
        }
        catch (EstablishmentFile.UnreadableFile e) {
            throw new Refused(file + " " + e.getMessage());
        }
        List<String> missing = establishments.missingColumns();
        if (!missing.isEmpty()) {
            throw new Refused(file + " lacks the column(s) " + missing + "; its header, read as " + establishments.describe()
                    + ", has " + establishments.columns() + ". Nothing was imported.");
        }
        out.printf("%s: %d rows, read as %s%n", file.getFileName(), establishments.rows().size(), establishments.describe());
        Totals totals = new Totals();
        long started = System.nanoTime();
        List<EstablishmentFile.Rejected> rejected = new ArrayList<>();
        Map<EstablishmentFile.Row, List<Integer>> repeated = establishments.repeatedSirets();
        repeated.forEach((row, others) -> rejected.add(new EstablishmentFile.Rejected(row,
                "siret: " + EstablishmentFile.repeatedReason(others))));
        totals.rows += repeated.size();
        totals.rejected += repeated.size();
        List<EstablishmentFile.Row> sendable = establishments.rows().stream().filter(row -> !repeated.containsKey(row)).toList();
        long rows = establishments.rows().size();
        for (int from = 0; from < sendable.size(); from += chunkSize) {
            send(establishments, sendable.subList(from, Math.min(sendable.size(), from + chunkSize)), totals, rejected);
            progress(totals, rows, started);
        }
        progress(totals, rows, started);
        Path rejects = file.resolveSibling(file.getFileName() + ".rejects.csv");
        if (rejected.isEmpty()) {
            Files.deleteIfExists(rejects); // an earlier run's, which no longer says anything of this file
        }
        else {
            rejected.sort(Comparator.comparingInt(r -> r.row().line()));
            Files.write(rejects, establishments.rejects(rejected));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("%n%d rows in %.1f s (%.0f rows/s): %d created, %d updated, %d unchanged, %d rejected%s%n",
                totals.rows, seconds, totals.rows / Math.max(seconds, 1e-3), totals.created, totals.updated,
                totals.unchanged, totals.rejected, rejected.isEmpty() ? ""
                        : " — the rejected rows as they were, with their line and reasons: " + rejects);
        if (totals.failedChunks > 0) {
            out.printf("%d chunk(s) were refused as a whole; see the messages above.%n", totals.failedChunks);
        }
        return totals;
    }

    private void send(EstablishmentFile establishments, List<EstablishmentFile.Row> chunk, Totals totals,
            List<EstablishmentFile.Rejected> rejected) throws IOException, InterruptedException {
        int firstLine = chunk.getFirst().line();
        String query = "?firstLine=" + firstLine + (adviserEmail == null ? ""
                : "&adviserEmail=" + URLEncoder.encode(adviserEmail, StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + query))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "text/csv; charset=utf-8")
                .header("Authorization", "Bearer " + (accessToken == null ? "" : accessToken))
                .POST(HttpRequest.BodyPublishers.ofString(establishments.csv(chunk), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        totals.rows += chunk.size();
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new Refused("company-service refused the import (" + response.statusCode() + "): imports are run by a "
                    + "région admin; give their access token with --token or RELOCMATCH_TOKEN "
                    + "(RELOCMATCH_TOKEN=$(scripts/token.sh admin.normandie) with ./run-local.sh). Nothing was imported "
                    + (totals.rows > chunk.size() ? "from line " + firstLine + " on." : "."));
        }
        if (response.statusCode() != 200) {
            totals.failedChunks++;
            totals.rejected += chunk.size();
            out.printf("%nLines %d–%d refused (%d): %s%n", firstLine, chunk.getLast().line(),
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
            rejected.add(new EstablishmentFile.Rejected(chunk.get(rejection.get("row").asInt() - 1), String.join("; ", reasons)));
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

    /** The file or the caller was refused: nothing more would fare better. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** What the whole import did. */
    static final class Totals {
        long rows;
        long created;
        long updated;
        long unchanged;
        long rejected;
        long failedChunks;
    }
}
