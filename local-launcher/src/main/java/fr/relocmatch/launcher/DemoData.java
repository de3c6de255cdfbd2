package fr.relocmatch.launcher;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data loaded through the public REST APIs, as a demo adviser of Normandie: textile SMEs around Rouen (and two that must not
 * match), a group, and the group's demand for cotton bath linen. Loading twice changes nothing.
 */
final class DemoData {

    static final String DEMAND_TITLE = "Linge de bain en coton";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SME_ADVISER = "textile@normandie.cci.fr";

    private DemoData() {
    }

    static List<Map<String, Object>> companies() {
        return List.of(
                company("SME", "41234567800012", "Tissages de Normandie", "13.20Z",
                        List.of("WEAVING", "HOME_TEXTILES", "DYEING_FINISHING"), "76231"),
                // Sews but does not weave: must not be proposed (weaving is required).
                company("SME", "42345678900019", "Confection Cauchoise", "13.92Z",
                        List.of("CUT_AND_SEW", "HOME_TEXTILES"), "76758"),
                company("SME", "43456789000018", "Filature du Roumois", "13.10Z",
                        List.of("SPINNING", "WEAVING"), "27375"),
                // Too far (Amiens, ~100 km): must not be proposed for an 80 km radius.
                company("SME", "44567890100015", "Linge de Picardie", "13.92Z",
                        List.of("WEAVING", "HOME_TEXTILES"), "80021"),
                // Right place, wrong trade: must not be proposed.
                company("SME", "45678901200014", "Mécanique de Précision Havraise", "25.62B",
                        List.of("CNC_MILLING", "CNC_TURNING"), "76351"),
                company("GROUP", "55210055400013", "Maison Française SA", "47.51Z", List.of("HOME_TEXTILES"), "76540"));
    }

    static Map<String, Object> demand() {
        return Map.ofEntries(
                Map.entry("title", DEMAND_TITLE),
                Map.entry("description", "Serviettes et draps de bain en coton, 120 000 pièces par an, aujourd'hui importés"),
                Map.entry("buyerSiret", "55210055400013"),
                Map.entry("product", Map.of("scheme", "CPF", "code", "13.92.12")),
                Map.entry("requiredProcesses", List.of("WEAVING")),
                Map.entry("preferredProcesses", List.of("HOME_TEXTILES", "DYEING_FINISHING")),
                Map.entry("targetNafCodes", List.of("13.92Z")),
                Map.entry("sector", "TEXTILE"),
                Map.entry("annualVolume", Map.of("quantity", 120000, "unit", "PIECES")),
                Map.entry("startDate", LocalDate.now().plusMonths(3).toString()),
                Map.entry("location", Map.of("mode", "RADIUS", "communeCode", "76540", "maxDistanceKm", 80)),
                Map.entry("adviserEmail", "grands-comptes@normandie.cci.fr"));
    }

    private static Map<String, Object> company(String kind, String siret, String name, String naf,
            List<String> processes, String commune) {
        Map<String, Object> company = new LinkedHashMap<>(Map.of("kind", kind, "siret", siret, "name", name,
                "nafCode", naf, "processes", processes, "site", Map.of("communeCode", commune),
                "adviserEmail", SME_ADVISER, "matchingConsent", true));
        if (!"GROUP".equals(kind)) {
            company.put("sectors", List.of(naf.startsWith("13") ? "TEXTILE" : "AUTOMOTIVE"));
            company.put("headcount", 20 + Math.floorMod(siret.hashCode(), 180));
            String until = LocalDate.now().plusYears(2).toString();
            company.put("certifications", List.of(Map.of("code", "ISO9001", "validUntil", until)));
            if (name.startsWith("Tissages")) {
                company.put("labels", List.of("OFG"));
            }
            company.put("capacity", Map.of("annualQuantity", 100_000 + Math.floorMod(siret.hashCode(), 200_000),
                    "unit", "PIECES", "availablePercent", 40));
            company.put("contact", Map.of("name", "Direction commerciale", "email", "contact@" + siret + ".example.fr"));
        }
        return company;
    }

    /**
     * Loads everything; answers the demo demand's id. The id is kept in {@code idFile}: a restart
     * shows the same demand, whatever other demands (a partner's, an adviser's) share its title.
     */
    static String load(String companyServiceUrl, String demandServiceUrl, Path idFile, String token) {
        for (Map<String, Object> company : companies()) {
            HttpResponse<String> response = post(companyServiceUrl + "/api/v1/companies", company, token);
            if (response.statusCode() != 201 && response.statusCode() != 409) { // 409: loaded by an earlier run
                throw new IllegalStateException("Demo company " + company.get("name") + " refused: " + response.body());
            }
        }
        try {
            if (Files.exists(idFile)) {
                String known = Files.readString(idFile, StandardCharsets.UTF_8).strip();
                if (get(demandServiceUrl + "/api/v1/demands/" + known, token).statusCode() == 200) {
                    return known;
                }
            }
            String id = JSON.readTree(createDemand(demandServiceUrl, demand(), token).body()).get("id").asString();
            HttpResponse<String> opened = post(demandServiceUrl + "/api/v1/demands/" + id + "/open", Map.of(), token);
            if (opened.statusCode() != 200) {
                throw new IllegalStateException("Demo demand not opened: " + opened.body());
            }
            Files.writeString(idFile, id + System.lineSeparator(), StandardCharsets.UTF_8);
            return id;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the demo demand's id in " + idFile, e);
        }
    }

    /**
     * Posts a demand, waiting while demand-service has not yet heard of the buyer: profiles reach
     * it through the companies topic, a moment after company-service accepted them.
     */
    static HttpResponse<String> createDemand(String demandServiceUrl, Map<String, Object> demand, String token) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            HttpResponse<String> created = post(demandServiceUrl + "/api/v1/demands", demand, token);
            if (created.statusCode() == 201) {
                return created;
            }
            if (!created.body().contains("no such company profile") || System.nanoTime() > deadline) {
                throw new IllegalStateException("Demo demand refused: " + created.body());
            }
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A GET with the caller's access token. */
    static HttpResponse<String> get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build());
    }

    /** A JSON POST with the caller's access token. */
    static HttpResponse<String> post(String url, Object body, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
