package fr.relocmatch.matching.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fits a région's score weights to its advisers' decisions, prints old → new weights with what
 * they change, and — only when asked, as a région admin — applies a version:
 *
 * <pre>
 * ./fit-weights.sh [--url http://localhost:8083] [--token TOKEN]   fit, and print what it would change
 * ./fit-weights.sh --apply VERSION [--url …] [--token …]           rank the région with that version
 * ./fit-weights.sh --list [--url …] [--token …]                    the versions, and the one applied
 * </pre>
 * The région is the one the matching-service at {@code --url} serves; the token (a région admin's;
 * {@code --token} or {@code RELOCMATCH_TOKEN}, e.g. {@code $(scripts/token.sh admin.normandie)}).
 */
public final class WeightsCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USAGE = "usage: fit-weights.sh [--apply VERSION | --list] [--url URL] [--token TOKEN]";
    private static final String[] PARTS = { "preferredProcesses", "nafProximity", "capacity", "distance", "sector",
        "labels", "freshness", "certifications" };

    private final String baseUrl;
    private final String token;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public WeightsCommand(String baseUrl, String token, PrintStream out) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.token = token;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String url = "http://localhost:8083";
        String token = System.getenv("RELOCMATCH_TOKEN");
        Integer apply = null;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--token" -> token = args[++i];
                case "--apply" -> apply = Integer.valueOf(args[++i]);
                case "--list" -> list = true;
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> {
                    System.err.println(USAGE);
                    System.exit(2);
                }
            }
        }
        if (token == null || token.isBlank()) {
            System.err.println("No token: --token, or RELOCMATCH_TOKEN=$(scripts/token.sh admin.normandie)");
            System.exit(2);
        }
        WeightsCommand command = new WeightsCommand(url, token, System.out);
        System.exit(apply != null ? command.apply(apply) : list ? command.list() : command.fit());
    }

    /** Fits a new version and prints it beside the applied one; 0 when fitted, 1 when refused. */
    public int fit() throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/v1/weights/fits");
        if (response.statusCode() != 201) {
            return refused(response);
        }
        JsonNode version = JSON.readTree(response.body());
        JsonNode basis = version.get("basis");
        out.printf(Locale.ROOT, "Région %s: weights fitted to %d acceptances and %d rejections%s (C = %s)%n",
                version.get("region").asString(), basis.get("accepted").asInt(), basis.get("rejected").asInt(),
                basis.get("leftOut").isEmpty() ? "" : "; rejections left out, the score has no part for them: " + basis.get("leftOut"),
                version.get("regularisation").asString());
        out.printf(Locale.ROOT, "Version %d, beside version %d (applied)%n%n", version.get("version").asInt(),
                version.get("fittedOn").asInt());
        out.printf(Locale.ROOT, "%-20s %8s %8s %12s%n", "part", "applied", "fitted", "coefficient");
        for (String part : PARTS) {
            JsonNode coefficient = version.at("/coefficients/" + part);
            out.printf(Locale.ROOT, "%-20s %8.3f %8.3f %12s%n", part, version.at("/fittedOnWeights/" + part).asDouble(),
                    version.at("/weights/" + part).asDouble(),
                    coefficient.isMissingNode() ? "not learnt" : String.format(Locale.ROOT, "%+.3f", coefficient.asDouble()));
        }
        JsonNode effect = version.get("pastDecisions");
        out.printf(Locale.ROOT, "%nThe région's decided demands, ranked again with the fitted weights:%n");
        out.printf(Locale.ROOT, "  accepted matches: %d, of which %d move up and %d down%n", effect.get("accepted").asInt(),
                effect.get("acceptedUp").asInt(), effect.get("acceptedDown").asInt());
        out.printf(Locale.ROOT, "  rejected matches: %d, of which %d move up and %d down%n", effect.get("rejected").asInt(),
                effect.get("rejectedUp").asInt(), effect.get("rejectedDown").asInt());
        out.printf(Locale.ROOT, "  an accepted match above a rejected one of the same demand: %d of %d pairs → %d of %d%n",
                effect.get("pairsInOrderBefore").asInt(), effect.get("pairs").asInt(), effect.get("pairsInOrderAfter").asInt(),
                effect.get("pairs").asInt());
        JsonNode evaluation = version.get("evaluation");
        if (evaluation != null && !evaluation.isNull()) {
            out.printf(Locale.ROOT, "%nEvaluation set (%d demands graded by an adviser's rules): P@5 %.3f → %.3f, nDCG@10 %.3f → %.3f%n",
                    evaluation.get("demands").asInt(), evaluation.at("/before/precisionAt5").asDouble(),
                    evaluation.at("/after/precisionAt5").asDouble(), evaluation.at("/before/ndcgAt10").asDouble(),
                    evaluation.at("/after/ndcgAt10").asDouble());
        }
        out.printf(Locale.ROOT, "%nNothing changes until a région admin applies it: fit-weights.sh --apply %d%n",
                version.get("version").asInt());
        return 0;
    }

    /** Applies a version; 0 when applied. */
    public int apply(int version) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/v1/weights/" + version + "/apply");
        if (response.statusCode() != 200) {
            return refused(response);
        }
        JsonNode applied = JSON.readTree(response.body());
        out.printf(Locale.ROOT, "Région %s now ranks with version %d: its open demands are ranked again, and the changes "
                + "go to the advisers as usual.%n", applied.get("region").asString(), version);
        return 0;
    }

    public int list() throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/api/v1/weights");
        if (response.statusCode() != 200) {
            return refused(response);
        }
        JsonNode listing = JSON.readTree(response.body());
        out.printf(Locale.ROOT, "Région %s ranks with version %d%n", listing.get("region").asString(), listing.get("applied").asInt());
        for (JsonNode version : listing.get("versions")) {
            StringBuilder weights = new StringBuilder();
            for (String part : PARTS) {
                weights.append(String.format(Locale.ROOT, " %s %.3f", part, version.at("/weights/" + part).asDouble()));
            }
            out.printf(Locale.ROOT, "  v%d%s:%s%n", version.get("version").asInt(),
                    version.get("version").asInt() == 0 ? " (configuration)" : "", weights);
        }
        return 0;
    }

    private int refused(HttpResponse<String> response) {
        String detail = response.body();
        try {
            JsonNode problem = JSON.readTree(response.body());
            detail = problem.path("detail").asString(response.body());
        }
        catch (RuntimeException notJson) {
            // said as it came
        }
        out.printf(Locale.ROOT, "Refused (%d): %s%n", response.statusCode(), detail);
        return 1;
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
