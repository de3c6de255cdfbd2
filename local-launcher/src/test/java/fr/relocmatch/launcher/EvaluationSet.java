package fr.relocmatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;

import fr.relocmatch.testinfra.JsonApi;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The matching evaluation set ({@code src/test/resources/evaluation/}), loaded as a CCI would:
 * through the REST APIs of company-service and demand-service, with its day offsets turned into
 * dates of the day of the run.
 */
final class EvaluationSet {

    static final Path FOLDER = Path.of("src/test/resources/evaluation");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    final JsonNode demands = read("demands.json");
    final JsonNode profiles = read("profiles.json");
    private final LocalDate today = LocalDate.now();

    /** Posts every buyer group and supplier profile; answers company id → profile key. */
    Map<String, String> loadCompanies(JsonApi companies) {
        for (JsonNode demand : demands) {
            post(companies, "/api/v1/companies", demand.get("group"));
        }
        Map<String, String> keys = new HashMap<>();
        for (JsonNode profile : profiles) {
            ObjectNode body = (ObjectNode) profile.get("body").deepCopy();
            for (JsonNode certificate : body.get("certifications")) {
                ((ObjectNode) certificate).put("validUntil",
                        today.plusDays(certificate.get("validUntilInDays").asInt()).toString());
                ((ObjectNode) certificate).remove("validUntilInDays");
            }
            keys.put(post(companies, "/api/v1/companies", body), profile.get("key").asString());
        }
        return keys;
    }

    /**
     * Creates and opens every demand, in the file's order, once demand-service has heard of its buyer;
     * answers demand key → id.
     *
     * @param beforeEach told the index of each demand before it is created
     */
    Map<String, String> openDemands(JsonApi demandApi, IntConsumer beforeEach) {
        Map<String, String> ids = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode demand : demands) {
            beforeEach.accept(index++);
            ObjectNode body = (ObjectNode) demand.get("body").deepCopy();
            body.put("startDate", today.plusDays(demand.get("startInDays").asInt()).toString());
            JsonApi.Response created = await().atMost(Duration.ofSeconds(60))
                    .until(() -> demandApi.post("/api/v1/demands", body), r -> !r.body().contains("no such company profile"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().get("id").asString();
            assertThat(demandApi.post("/api/v1/demands/" + id + "/open", Map.of()).status()).isEqualTo(200);
            ids.put(demand.get("key").asString(), id);
        }
        return ids;
    }

    /**
     * Each demand's proposed suppliers (as {@code label} names them), best first, once every
     * ranking has stayed the same over three polls in a row and none is empty.
     */
    static Map<String, List<String>> settledRankings(JsonApi matching, Map<String, String> demandIds,
            Function<String, String> label) {
        AtomicReference<Map<String, List<String>>> last = new AtomicReference<>(Map.of());
        AtomicInteger unchanged = new AtomicInteger();
        return await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, List<String>> now = new LinkedHashMap<>();
            demandIds.forEach((key, id) -> now.put(key, matching.get("/api/v1/matches?demandId=" + id).json().valueStream()
                    .filter(m -> "PROPOSED".equals(m.get("status").asString()))
                    .sorted(Comparator.comparingInt(m -> m.get("rank").asInt()))
                    .map(m -> label.apply(m.get("companyId").asString())).toList()));
            unchanged.set(now.equals(last.getAndSet(now)) ? unchanged.get() + 1 : 0);
            return now;
        }, now -> unchanged.get() >= 3 && now.values().stream().noneMatch(List::isEmpty));
    }

    /**
     * Each demand's grades and its proposed candidates with the part values they were scored from:
     * what matching-service ranks again under fitted weights to show their effect on this set
     * ({@code matching-service/src/main/resources/evaluation/scored-candidates.json} is a copy).
     */
    static void writeScoredCandidates(JsonApi matching, Map<String, String> demandIds, Function<String, String> label,
            Map<String, Map<String, Integer>> grades, Path out) throws IOException {
        ObjectNode file = JSON.createObjectNode();
        file.put("source", "EvaluationIT, local-launcher/src/test/resources/evaluation (grades from an adviser's written rules)");
        file.put("scoredOn", LocalDate.now().toString());
        var demands = file.putArray("demands");
        demandIds.forEach((key, id) -> {
            ObjectNode demand = demands.addObject();
            demand.put("key", key);
            ObjectNode graded = demand.putObject("grades");
            new java.util.TreeMap<>(grades.getOrDefault(key, Map.of())).forEach(graded::put);
            var candidates = demand.putArray("candidates");
            matching.get("/api/v1/matches?demandId=" + id).json().valueStream()
                    .filter(m -> "PROPOSED".equals(m.get("status").asString()))
                    .sorted(Comparator.comparingInt(m -> m.get("rank").asInt())).forEach(m -> {
                        ObjectNode candidate = candidates.addObject();
                        candidate.put("profile", label.apply(m.get("companyId").asString()));
                        ObjectNode parts = candidate.putObject("parts");
                        m.get("explanation").forEach(part -> parts.put(part.get("name").asString(), part.get("value").asDouble()));
                    });
        });
        Files.createDirectories(out.getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file), StandardCharsets.UTF_8);
    }

    private static String post(JsonApi api, String path, JsonNode body) {
        JsonApi.Response response = api.post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static JsonNode read(String file) {
        try {
            return JSON.readTree(Files.readString(FOLDER.resolve(file), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
