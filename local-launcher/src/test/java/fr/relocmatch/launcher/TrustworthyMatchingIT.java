package fr.relocmatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.TestSirets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

/**
 * Rankings an adviser would refuse at once, checked through the REST APIs of the running services
 * (validation, events and matching together): a certificate a demand requires that no supplier can
 * hold, the buyer's own plant proposed on a confidential demand, hopeless capacity, a régions demand
 * that cannot say where the goods go, an import code that suggests nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustworthyMatchingIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String ADVISER = "bretagne-industrie@bretagne.cci.fr";
    private static final String RENNES = "35238";
    private static final String BREST = "29019";
    private static final String VITRE = "35360";

    private JsonApi companies;
    private JsonApi demands;
    private JsonApi matching;

    @BeforeAll
    void connect() {
        Services services = RunningServices.get();
        companies = Callers.api(services.baseUrl("company-service"), Callers.REFERENT);
        demands = Callers.api(services.baseUrl("demand-service"), Callers.REFERENT);
        matching = Callers.api(services.baseUrl("matching-service"), Callers.REFERENT);
    }

    @Test
    void everyCertificateADemandMayRequireCanBeHeldWithItsValidityAndMatched() {
        String group = group();
        List<String> requirable = new ArrayList<>();
        for (JsonNode entry : companies.get("/api/v1/reference/certifications").json()) {
            String code = entry.get("code").asString();
            JsonApi.Response draft = createDemand(demand(group, List.of("BLOW_MOULDING"))
                    .with("requiredCertifications", List.of(code)).body);
            assertThat(draft.status()).as(code + ": " + draft.body()).isIn(201, 400);
            if (draft.status() == 201) {
                requirable.add(code);
            }
            else {
                assertThat(draft.body()).contains("requiredCertifications[0]");
            }
        }
        assertThat(requirable).as("textile demands ask for OEKO-TEX").contains("OEKO_TEX_100", "ISO13485", "EN9100");

        String until = LocalDate.now().plusYears(3).toString();
        Company holder = sme("Certifiée de tout", List.of("BLOW_MOULDING"), VITRE)
                .with("certifications", requirable.stream().map(code -> Map.of("code", code, "validUntil", until)).toList());
        JsonApi.Response held = companies.post("/api/v1/companies", holder.body);
        assertThat(held.status()).as("a supplier may hold every code a demand may require: " + held.body()).isEqualTo(201);

        // a demand requires at most 20 certificates: two demands share the table
        String supplier = id(held);
        int half = requirable.size() / 2;
        for (List<String> required : List.of(requirable.subList(0, half), requirable.subList(half, requirable.size()))) {
            String demandId = open(demand(group, List.of("BLOW_MOULDING")).with("requiredCertifications", required));
            assertThat(awaitMatch(demandId, supplier)).as(required.toString()).isPresent();
        }
    }

    @Test
    void aConfidentialDemandNeverProposesTheBuyersOwnPlant() {
        String groupSiret = TestSirets.random();
        String group = group(groupSiret);
        String process = "INJECTION_MOULDING";
        String plant = id(companies.post("/api/v1/companies",
                sme("Usine du groupe", List.of(process), VITRE).with("siret", TestSirets.ofSiren(groupSiret.substring(0, 9))).body));
        String other = id(companies.post("/api/v1/companies", sme("Plasturgie voisine", List.of(process), VITRE).body));

        String demandId = open(demand(group, List.of(process)).with("confidential", true));
        assertThat(awaitMatch(demandId, other)).isPresent();
        assertThat(matches(demandId)).as("the buyer's own plant, same SIREN")
                .noneMatch(m -> plant.equals(m.get("companyId").asString()));
    }

    @Test
    void hopelessCapacityIsNotProposedAndTheExplanationSaysTheMinimum() {
        String group = group();
        String process = "THERMOFORMING";
        String workshop = id(companies.post("/api/v1/companies", sme("Petit atelier", List.of(process), VITRE)
                .with("capacity", Map.of("annualQuantity", 20_000, "unit", "PIECES", "availablePercent", 100)).body));
        String plant = id(companies.post("/api/v1/companies", sme("Grande usine", List.of(process), VITRE)
                .with("capacity", Map.of("annualQuantity", 2_000_000, "unit", "PIECES", "availablePercent", 50)).body));

        // 20 000 free pieces for 1 000 000 a year: 2 %, under the default minimum of 5 %
        String strict = open(demand(group, List.of(process))
                .with("annualVolume", Map.of("quantity", 1_000_000, "unit", "PIECES")));
        assertThat(awaitMatch(strict, plant)).isPresent();
        assertThat(matches(strict)).as("2 % of the volume").noneMatch(m -> workshop.equals(m.get("companyId").asString()));

        // the same demand accepting 1 % coverage: the workshop is proposed, and told how little it covers
        String lenient = open(demand(group, List.of(process))
                .with("annualVolume", Map.of("quantity", 1_000_000, "unit", "PIECES", "minimumCoveragePercent", 1)));
        JsonNode small = awaitMatch(lenient, workshop).orElseThrow();
        assertThat(capacityNote(small)).contains("2 %").contains("minimum 1 %");
    }

    @Test
    void aRegionsDemandCarriesItsDeliverySiteAndCloserIsBetter() {
        String group = group();
        String process = "RUBBER_MOULDING";
        String near = id(companies.post("/api/v1/companies", sme("Caoutchouc de Vitré", List.of(process), VITRE).body));
        String far = id(companies.post("/api/v1/companies", sme("Caoutchouc de Brest", List.of(process), BREST).body));

        Demand demand = demand(group, List.of(process))
                .with("location", Map.of("mode", "REGIONS", "regions", List.of("53"), "communeCode", RENNES));
        JsonApi.Response created = createDemand(demand.body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("location").get("site").get("communeCode").asString()).isEqualTo(RENNES);
        String demandId = id(created);
        assertThat(demands.post("/api/v1/demands/" + demandId + "/open", Map.of()).status()).isEqualTo(200);

        JsonNode nearMatch = awaitMatch(demandId, near).orElseThrow();
        JsonNode farMatch = awaitMatch(demandId, far).orElseThrow();
        assertThat(nearMatch.get("distanceKm").asDouble()).isLessThan(50);
        assertThat(farMatch.get("distanceKm").asDouble()).isGreaterThan(200);
        assertThat(part(nearMatch, "distance").get("value").asDouble())
                .isGreaterThan(part(farMatch, "distance").get("value").asDouble());
        assertThat(nearMatch.get("rank").asInt()).isLessThan(farMatch.get("rank").asInt());

        // the radius stays a RADIUS-only setting
        JsonApi.Response refused = createDemand(demand(group, List.of(process)).with("location",
                Map.of("mode", "NATIONWIDE", "communeCode", RENNES, "maxDistanceKm", 100)).body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("location.maxDistanceKm");
    }

    @Test
    void anImportCodeSuggestsProcessesThroughItsProductClassAndActivity() {
        JsonApi.Response answer = demands.get("/api/v1/demands/process-suggestions?hs=630260");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.get("product").get("label").asString()).containsIgnoringCase("terry");
        JsonNode step = body.get("steps").get(0);
        assertThat(step.get("cpaCode").asString()).isEqualTo("13.92.14");
        assertThat(step.get("nafClass").asString()).isEqualTo("13.92");
        assertThat(step.get("nafClassLabel").asString()).startsWith("Fabrication d'articles textiles");
        assertThat(body.get("processes").valueStream().map(p -> p.get("code").asString())).contains("HOME_TEXTILES");

        JsonApi.Response typeAhead = companies.get("/api/v1/reference/hs-codes?q=toilet%20linen");
        assertThat(typeAhead.status()).isEqualTo(200);
        assertThat(typeAhead.json().valueStream().map(e -> e.get("code").asString())).contains("630260");

        JsonApi.Response unknown = demands.get("/api/v1/demands/process-suggestions?hs=999999");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("hs");
    }

    // --- helpers

    private String group() {
        return group(TestSirets.random());
    }

    private String group(String siret) {
        Map<String, Object> body = Profiles.company("GROUP", siret, "Groupe breton " + suffix(), "22.29A", List.of(),
                RENNES, ADVISER);
        return id(companies.post("/api/v1/companies", body));
    }

    private Company sme(String name, List<String> processes, String commune) {
        return new Company(new LinkedHashMap<>(Profiles.company("SME", TestSirets.random(), name + " " + suffix(), "22.29A",
                processes, commune, ADVISER)));
    }

    private Demand demand(String buyerCompanyId, List<String> processes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Pièces plastiques " + suffix());
        body.put("buyerCompanyId", buyerCompanyId);
        body.put("requiredProcesses", processes);
        body.put("annualVolume", Map.of("quantity", 50_000, "unit", "PIECES"));
        body.put("startDate", LocalDate.now().plusMonths(4).toString());
        body.put("location", Map.of("mode", "RADIUS", "communeCode", RENNES, "maxDistanceKm", 100));
        body.put("adviserEmail", ADVISER);
        return new Demand(body);
    }

    /** Creates the demand (waiting for demand-service to learn of the buyer) and opens it. */
    private String open(Demand demand) {
        JsonApi.Response created = createDemand(demand.body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = id(created);
        JsonApi.Response opened = demands.post("/api/v1/demands/" + id + "/open", Map.of());
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        return id;
    }

    private JsonApi.Response createDemand(Map<String, Object> body) {
        return await().atMost(TIMEOUT).until(() -> demands.post("/api/v1/demands", body),
                r -> !r.body().contains("no such company profile"));
    }

    private Optional<JsonNode> awaitMatch(String demandId, String companyId) {
        return await().atMost(TIMEOUT).until(() -> matches(demandId).stream()
                .filter(m -> companyId.equals(m.get("companyId").asString())).findFirst(), Optional::isPresent);
    }

    private List<JsonNode> matches(String demandId) {
        return matching.get("/api/v1/matches?demandId=" + demandId).json().valueStream()
                .filter(m -> "PROPOSED".equals(m.get("status").asString())).toList();
    }

    private static JsonNode part(JsonNode match, String name) {
        return match.get("explanation").valueStream().filter(p -> name.equals(p.get("name").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no part " + name + " in " + match));
    }

    private static String capacityNote(JsonNode match) {
        return part(match, "capacity").get("note").asString();
    }

    private static String id(JsonApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request body to change one field at a time. */
    private record Company(Map<String, Object> body) {
        Company with(String field, Object value) {
            body.put(field, value);
            return this;
        }
    }

    private record Demand(Map<String, Object> body) {
        Demand with(String field, Object value) {
            body.put(field, value);
            return this;
        }
    }
}
