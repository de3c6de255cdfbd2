package fr.relocmatch.company.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.TopicProbe;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relocmatch.relay.interval=PT0.5S", "relocmatch.relay.grace=PT1S"})
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyProfileIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    CompanyRepository repository;

    private JsonApi api;
    private TopicProbe companies;

    @BeforeAll
    void openProbe() {
        companies = TopicProbe.on("relocmatch.companies.v1");
    }

    @AfterAll
    void closeProbe() {
        companies.close();
    }

    @BeforeEach
    void client() {
        api = JsonApi.onLocalPort(port);
    }

    @Test
    void createsProfileResolvesSiteAndPublishesVersionedSnapshotAsCloudEvent() {
        Map<String, Object> request = Companies.textileSmeInNormandy();

        JsonApi.Response created = api.post("/api/v1/companies", request);

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.location()).isEqualTo("/api/v1/companies/" + id);
        assertThat(body.get("siren").asString()).isEqualTo(((String) request.get("siret")).substring(0, 9));
        assertThat(body.at("/site/communeName").asString()).isEqualTo("Rouen");
        assertThat(body.at("/site/regionCode").asString()).isEqualTo("28");
        assertThat(body.at("/site/latitude").asDouble()).isEqualTo(49.4435);

        ConsumerRecord<String, String> record = companies.await(r -> id.equals(r.key()), TIMEOUT);
        Map<String, String> headers = TopicProbe.headers(record);
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", "fr.relocmatch.company.CompanyProfileUpdated.v1")
                .containsEntry("ce_source", "/relocmatch/company-service")
                .containsEntry("ce_subject", "company/" + id + "@0")
                .containsKeys("ce_id", "ce_time");
        JsonNode event = JsonApi.parse(record.value());
        assertThat(event.get("companyId").asString()).isEqualTo(id);
        assertThat(event.get("version").asLong()).isZero();
        assertThat(event.get("eventId").asString()).isEqualTo(headers.get("ce_id"));
        assertThat(event.get("processes")).hasSize(3);
        assertThat(event.at("/site/departementCode").asString()).isEqualTo("76");

        await().atMost(TIMEOUT).until(() -> repository.findById(id).orElseThrow().getPublishedVersion() == 0);
        assertThat(repository.findById(id).orElseThrow().getVersion())
                .as("marking as published is not a change of the profile").isZero();
    }

    @Test
    void reportsHealthyOnTheRealServers() {
        JsonApi.Response health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/v3/api-docs").json().get("paths").has("/api/v1/companies")).isTrue();
    }

    @Test
    void readsBackACreatedProfile() {
        String id = api.post("/api/v1/companies", Companies.textileSmeInNormandy()).json().get("id").asString();

        JsonApi.Response read = api.get("/api/v1/companies/" + id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Tissages de Normandie");
        assertThat(api.get("/api/v1/companies/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void rejectsInvalidProfileNamingEveryOffendingFieldAndPersistsNothing() {
        Map<String, Object> request = Companies.textileSmeInNormandy();
        request.put("siret", "73282932000075");
        request.put("nafCode", "99.99Q");
        request.put("processes", List.of("WEAVING", "TELEPORTATION"));
        request.put("site", Map.of("communeCode", "99999"));
        long before = repository.count();

        JsonApi.Response answer = api.post("/api/v1/companies", request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("siret", "nafCode", "processes[1]", "site");
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void rejectsMissingFieldsAndMalformedJsonWithProblemDetails() {
        JsonApi.Response missing = api.post("/api/v1/companies", Map.of("name", "Sans SIRET"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .contains("kind", "siret", "nafCode", "processes", "site", "adviserEmail");

        JsonApi.Response malformed = api.postRaw("/api/v1/companies", "{\"kind\": \"SME\", \"siret\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("title").asString()).isEqualTo("Malformed request body");

        JsonApi.Response wrongEnum = api.postRaw("/api/v1/companies", "{\"kind\": \"PIRATE\"}");
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(wrongEnum.json().get("errors").findValuesAsString("field")).containsExactly("kind");
    }

    @Test
    void rejectsASecondProfileWithTheSameSiret() {
        Map<String, Object> request = Companies.textileSmeInNormandy();
        assertThat(api.post("/api/v1/companies", request).status()).isEqualTo(201);

        JsonApi.Response again = api.post("/api/v1/companies", request);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").findValuesAsString("field")).containsExactly("siret");
    }

    @Test
    void relayPublishesAProfileSavedWhoseEventNeverReachedKafka() {
        // As if the service had stopped between the save and the send.
        CompanyDocument orphan = new CompanyDocument(UUID.randomUUID().toString(), CompanyKind.SME,
                Companies.validSiret(), "Atelier orphelin", "13.92Z", List.of("WEAVING"),
                new Site("76540", "Rouen", "76000", "76", "28", 49.4435, 1.10006), "a@cci.fr",
                Instant.now().minusSeconds(60));
        repository.insert(orphan);

        ConsumerRecord<String, String> record = companies.await(r -> orphan.getId().equals(r.key()), TIMEOUT);

        assertThat(JsonApi.parse(record.value()).get("name").asString()).isEqualTo("Atelier orphelin");
        await().atMost(TIMEOUT).until(() -> repository.findById(orphan.getId()).orElseThrow().getPublishedVersion() == 0);
        assertThat(repository.findById(orphan.getId()).orElseThrow().getVersion()).isZero();
    }
}
