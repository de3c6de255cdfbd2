package fr.relocmatch.company.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Search over profiles and the reference vocabularies, on the real database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relocmatch.relay.interval=PT0.5S", "relocmatch.relay.grace=PT1S"})
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanySearchIT {

    @LocalServerPort
    int port;

    private JsonApi api;
    /** A word in every name of this run, so that profiles created by other tests do not interfere. */
    private final String run = "Run" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void profiles() {
        api = SharedInfrastructure.get().api(port);
        // Rouen (76540), Évreux (27229), Amiens (80021), Lyon 3e (69383)
        create("Alpha " + run, "25.62B", List.of("CNC_MILLING"), "76540", "ISO9001", LocalDate.now().plusYears(1), "AUTOMOTIVE");
        create("Bravo " + run, "25.62A", List.of("CNC_TURNING"), "27229", "EN9100", LocalDate.now().plusMonths(2), "AERONAUTICS");
        create("Charlie " + run, "25.11Z", List.of("CNC_MILLING", "SHEET_METAL_CUTTING"), "80021", "ISO9001", LocalDate.now().minusDays(1), "AUTOMOTIVE");
        create("Delta " + run, "13.92Z", List.of("WEAVING"), "69383", "ISO9001", LocalDate.now().plusYears(3), "TEXTILE");
    }

    private void create(String name, String naf, List<String> processes, String commune, String certification,
            LocalDate until, String sector) {
        Map<String, Object> request = Companies.textileSmeInNormandy();
        request.put("name", name);
        request.put("nafCode", naf);
        request.put("processes", processes);
        request.put("site", Map.of("communeCode", commune));
        request.put("certifications", List.of(Map.of("code", certification, "validUntil", until.toString())));
        request.put("sectors", List.of(sector));
        JsonApi.Response created = api.post("/api/v1/companies", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private List<String> names(String query) {
        JsonApi.Response found = api.get("/api/v1/companies?name=" + run + "&" + query);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("content").valueStream().map(n -> n.get("name").asString().split(" ")[0]).toList();
    }

    @Test
    void filtersByNafAtEveryLevel() {
        assertThat(names("naf=25")).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(names("naf=25.6")).containsExactly("Alpha", "Bravo");
        assertThat(names("naf=25.62")).containsExactly("Alpha", "Bravo");
        assertThat(names("naf=2562B")).containsExactly("Alpha");
    }

    @Test
    void filtersByProcessSectorAndPlace() {
        assertThat(names("process=CNC_MILLING")).containsExactly("Alpha", "Charlie");
        assertThat(names("sector=AERONAUTICS")).containsExactly("Bravo");
        assertThat(names("departement=27")).containsExactly("Bravo");
        assertThat(names("region=28")).containsExactly("Alpha", "Bravo");
        assertThat(names("region=84")).containsExactly("Delta");
    }

    @Test
    void filtersByCertificationValidAtADate() {
        assertThat(names("certification=ISO9001")).as("Charlie's expired yesterday").containsExactly("Alpha", "Delta");
        assertThat(names("certification=iso9001&validAt=" + LocalDate.now().minusMonths(1)))
                .containsExactly("Alpha", "Charlie", "Delta");
        assertThat(names("certification=EN9100&validAt=" + LocalDate.now().plusMonths(6))).isEmpty();
    }

    @Test
    void findsWithinARadiusNearestFirst() {
        // Rouen–Évreux ~45 km, Rouen–Amiens ~100 km, Évreux–Amiens ~145 km.
        assertThat(names("near=insee:76540&radiusKm=60")).containsExactly("Alpha", "Bravo");
        assertThat(names("near=27229&radiusKm=160")).containsExactly("Bravo", "Alpha", "Charlie");
        assertThat(names("near=insee:76540&radiusKm=120&sort=name,desc")).containsExactly("Charlie", "Bravo", "Alpha");
        // Rouen's postal code names Rouen alone; 76540 is Rouen's INSEE code and a postal code of other communes
        assertThat(names("near=76000&radiusKm=60")).containsExactly("Alpha", "Bravo");
        JsonApi.Response ambiguous = api.get("/api/v1/companies?near=76540&radiusKm=60");
        assertThat(ambiguous.status()).isEqualTo(400);
        assertThat(ambiguous.json().at("/errors/0/field").asString()).isEqualTo("near");
        assertThat(ambiguous.json().at("/errors/0/message").asString()).contains("insee:76540 (Rouen)");
    }

    @Test
    void pagesAndSorts() {
        JsonNode first = api.get("/api/v1/companies?name=" + run + "&size=3&sort=name,desc").json();
        assertThat(first.get("totalElements").asInt()).isEqualTo(4);
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(first.get("content").valueStream().map(n -> n.get("name").asString().split(" ")[0]))
                .containsExactly("Delta", "Charlie", "Bravo");
        assertThat(names("size=3&page=1")).containsExactly("Delta");
    }

    @Test
    void answersBadSearchParametersWithProblemDetails() {
        assertField("naf=99.9", "naf");
        assertField("near=99999&radiusKm=10", "near");
        assertField("near=76540", "radiusKm");
        assertField("radiusKm=10", "near");
        assertField("radiusKm=-3&near=76540", "radiusKm");
        assertField("sort=siren,asc", "sort");
        assertField("sort=name,sideways", "sort");
        assertField("kind=PIRATE", "kind");
        assertField("validAt=tomorrow&certification=ISO9001", "validAt");
        assertField("size=1000", "size");
        assertField("departement=7", "departement");
        assertField("region=abc", "region");
    }

    private void assertField(String query, String field) {
        JsonApi.Response answer = api.get("/api/v1/companies?" + query);
        assertThat(answer.status()).as(query + " → " + answer.body()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field")).as(query).contains(field);
    }

    @Test
    void servesTheReferenceVocabularies() {
        JsonApi.Response communes = api.get("/api/v1/reference/communes?q=evreux");
        assertThat(communes.status()).isEqualTo(200);
        assertThat(communes.json().get(0).get("code").asString()).isEqualTo("27229");
        assertThat(api.get("/api/v1/reference/communes?q=76540").json().get(0).get("name").asString()).isEqualTo("Rouen");

        JsonNode naf = api.get("/api/v1/reference/naf?q=25.62").json();
        assertThat(naf.valueStream().map(n -> n.get("code").asString())).containsExactly("25.62A", "25.62B");
        assertThat(api.get("/api/v1/reference/naf?q=tissage").json().valueStream().map(n -> n.get("code").asString()))
                .contains("13.20Z");

        assertThat(api.get("/api/v1/reference/processes?q=fraisage").json().valueStream()
                .map(n -> n.get("code").asString())).contains("CNC_MILLING");
        JsonNode labels = api.get("/api/v1/reference/certifications?q=origine").json();
        assertThat(labels.get(0).get("code").asString()).isEqualTo("OFG");
        assertThat(labels.get(0).get("kind").asString()).isEqualTo("label");
        assertThat(api.get("/api/v1/reference/communes").status()).as("q is required").isEqualTo(400);
    }
}
