package fr.relocmatch.company.profile;

import fr.relocmatch.testinfra.ContractAssertions;
import tools.jackson.databind.json.JsonMapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.relocmatch.access.SignedLinks;
import fr.relocmatch.testinfra.SharedInfrastructure;
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

/** Profiles through the REST API, on the real broker and database: lifecycle, events, locking, erasure. */
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

    @Autowired
    CompanyValidator validator;

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
        api = SharedInfrastructure.get().api(port);
    }

    @Test
    void createsProfileResolvesSiteAndPublishesVersionedSnapshotWithoutTheContact() {
        Map<String, Object> request = Companies.textileSmeInNormandy();

        JsonApi.Response created = api.post("/api/v1/companies", request);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.etag()).isEqualTo("\"0\"");
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(created.location()).isEqualTo("/api/v1/companies/" + id);
        assertThat(body.get("siren").asString()).isEqualTo(((String) request.get("siret")).substring(0, 9));
        assertThat(body.at("/site/communeName").asString()).isEqualTo("Rouen");
        assertThat(body.at("/site/regionCode").asString()).isEqualTo("28");
        assertThat(body.at("/site/latitude").asDouble()).isEqualTo(49.4435);
        assertThat(body.get("headcountBand").asString()).as("derived from headcount 48").isEqualTo("12");
        assertThat(body.at("/certifications/0/code").asString()).isEqualTo("ISO9001");
        assertThat(body.at("/contact/email").asString()).isEqualTo("c.martin@tissages-normandie.fr");
        assertThat(body.get("lastConfirmedAt").isNull()).isFalse();

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
        assertThat(event.at("/capacity/availablePercent").asInt()).isEqualTo(40);
        assertThat(event.get("matchingConsent").asBoolean()).isTrue();
        assertThat(event.has("contact")).as("personal data stays in company-service").isFalse();
        assertThat(record.value()).doesNotContain("c.martin@tissages-normandie.fr");

        await().atMost(TIMEOUT).until(() -> repository.findById(id).orElseThrow().getPublishedVersion() == 0);
        assertThat(repository.findById(id).orElseThrow().getVersion())
                .as("marking as published is not a change of the profile").isZero();
    }

    @Test
    void reportsHealthyOnTheRealServersAndDocumentsTheApi() {
        JsonApi.Response health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/api/v1/companies")).isTrue();
        assertThat(paths.has("/api/v1/companies/{id}")).isTrue();
        assertThat(paths.has("/api/v1/companies/import")).isTrue();
        assertThat(paths.has("/api/v1/reference/communes")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void readsBackACreatedProfile() {
        String id = api.post("/api/v1/companies", Companies.textileSmeInNormandy()).json().get("id").asString();

        JsonApi.Response read = api.get("/api/v1/companies/" + id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.etag()).isEqualTo("\"0\"");
        assertThat(read.json().get("name").asString()).isEqualTo("Tissages de Normandie");
        assertThat(api.get("/api/v1/companies/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void replacesAProfileWithIfMatchAndRefusesAStaleVersion() {
        Map<String, Object> request = Companies.textileSmeInNormandy();
        String id = api.post("/api/v1/companies", request).json().get("id").asString();
        request.put("name", "Tissages de Normandie SAS");
        request.put("site", Map.of("postalCode", "27000"));

        JsonApi.Response replaced = api.put("/api/v1/companies/" + id, request, "\"0\"");

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.etag()).isEqualTo("\"1\"");
        assertThat(replaced.json().at("/site/communeName").asString()).isEqualTo("Évreux");
        ConsumerRecord<String, String> record = companies.await(
                r -> id.equals(r.key()) && r.value() != null && JsonApi.parse(r.value()).get("version").asLong() == 1, TIMEOUT);
        assertThat(JsonApi.parse(record.value()).get("name").asString()).isEqualTo("Tissages de Normandie SAS");

        JsonApi.Response stale = api.put("/api/v1/companies/" + id, request, "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(api.put("/api/v1/companies/" + id, request, "\"yesterday\"").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/companies/" + UUID.randomUUID(), request, null).status()).isEqualTo(404);
    }

    @Test
    void aReplaceThatChangesNothingIsNoNewVersionAndNoEvent() {
        Map<String, Object> request = Companies.textileSmeInNormandy();
        String id = api.post("/api/v1/companies", request).json().get("id").asString();

        JsonApi.Response same = api.put("/api/v1/companies/" + id, request, null);

        assertThat(same.status()).isEqualTo(200);
        assertThat(same.etag()).isEqualTo("\"0\"");
        assertThat(repository.findById(id).orElseThrow().getVersion()).isZero();
    }

    @Test
    void partiallyUpdatesWithAMergePatchAndRevalidatesTheResult() {
        String id = api.post("/api/v1/companies", Companies.textileSmeInNormandy()).json().get("id").asString();

        JsonApi.Response patched = api.patch("/api/v1/companies/" + id,
                Map.of("capacity", Map.of("availablePercent", 10), "labels", List.of("OFG", "EPV"), "status", "INACTIVE"),
                "\"0\"");

        assertThat(patched.status()).isEqualTo(200);
        JsonNode body = patched.json();
        assertThat(body.at("/capacity/availablePercent").asInt()).isEqualTo(10);
        assertThat(body.at("/capacity/annualQuantity").asInt()).as("kept").isEqualTo(250000);
        assertThat(body.get("labels").valueStream().map(JsonNode::asString)).containsExactly("OFG", "EPV");
        assertThat(body.get("status").asString()).isEqualTo("INACTIVE");
        assertThat(body.get("name").asString()).as("untouched").isEqualTo("Tissages de Normandie");

        // null removes a field; the result must still be a valid profile
        JsonApi.Response removeContact = api.patch("/api/v1/companies/" + id, "{\"contact\": null}", null);
        assertThat(removeContact.status()).isEqualTo(200);
        assertThat(removeContact.json().get("contact").isNull()).isTrue();

        JsonApi.Response invalid = api.patch("/api/v1/companies/" + id,
                Map.of("processes", List.of("TELEPORTATION"), "capacity", Map.of("availablePercent", 150)), null);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).as("every fault at once, the process rule too")
                .containsExactlyInAnyOrder("capacity.availablePercent", "processes[0]");
        JsonApi.Response wrongType = api.patch("/api/v1/companies/" + id, "{\"headcount\": \"many\"}", null);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").findValuesAsString("field")).containsExactly("headcount");
        assertThat(api.patch("/api/v1/companies/" + id, "[1, 2]", null).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/companies/" + id, "{\"name\": ", null).status()).isEqualTo(400);
        assertThat(api.patch("/api/v1/companies/" + id, Map.of("name", "X"), "\"0\"").status()).isEqualTo(412);
        assertThat(repository.findById(id).orElseThrow().getProcesses()).contains("WEAVING");
    }

    @Test
    void confirmingAProfileMovesLastConfirmedAtAndPublishesIt() {
        JsonNode created = api.post("/api/v1/companies", Companies.textileSmeInNormandy()).json();
        String id = created.get("id").asString();
        Instant before = Instant.parse(created.get("lastConfirmedAt").asString());

        JsonApi.Response confirmed = api.post("/api/v1/companies/" + id + "/confirm", Map.of());

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(Instant.parse(confirmed.json().get("lastConfirmedAt").asString())).isAfter(before);
        ConsumerRecord<String, String> record = companies.await(
                r -> id.equals(r.key()) && r.value() != null && JsonApi.parse(r.value()).get("version").asLong() == 1, TIMEOUT);
        assertThat(JsonApi.parse(record.value()).get("lastConfirmedAt").asString())
                .isEqualTo(confirmed.json().get("lastConfirmedAt").asString());
    }

    @Test
    void theAdviserMarksKindsOfDemandTheSupplierIsNotInterestedInAndAReplaceKeepsThem() {
        String id = api.post("/api/v1/companies", Companies.textileSmeInNormandy()).json().get("id").asString();
        String path = "/api/v1/companies/" + id + "/not-interested";

        JsonApi.Response marked = api.put(path, Map.of("kinds", List.of(Map.of("process", "WEAVING", "sector", "AUTOMOTIVE"),
                Map.of("process", "CUT_AND_SEW"), Map.of("process", "WEAVING", "sector", "AUTOMOTIVE"))), "\"0\"");

        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.etag()).isEqualTo("\"1\"");
        JsonNode kinds = marked.json().get("notInterestedIn");
        assertThat(kinds).as("a kind given twice is marked once").hasSize(2);
        assertThat(kinds.get(0).get("process").asString()).isEqualTo("WEAVING");
        assertThat(kinds.get(0).get("sector").asString()).isEqualTo("AUTOMOTIVE");
        assertThat(kinds.get(1).get("sector").isNull()).as("any sector").isTrue();
        String since = kinds.get(0).get("since").asString();
        JsonNode event = JsonApi.parse(companies.await(r -> id.equals(r.key()) && r.value() != null
                && JsonApi.parse(r.value()).get("version").asLong() == 1, TIMEOUT).value());
        assertThat(event.at("/notInterestedIn/0/process").asString()).isEqualTo("WEAVING");
        assertThat(event.at("/notInterestedIn/1/process").asString()).isEqualTo("CUT_AND_SEW");

        assertThat(api.put("/api/v1/companies/" + id, Companies.textileSmeInNormandy(), null).json().get("notInterestedIn"))
                .as("replacing the profile's content keeps the adviser's marks").hasSize(2);
        assertThat(api.put(path, Map.of("kinds", List.of(Map.of("process", "WEAVING", "sector", "AUTOMOTIVE"))), "\"0\"")
                .status()).as("stale If-Match").isEqualTo(412);
        JsonApi.Response refused = api.put(path, Map.of("kinds", List.of(Map.of("process", "LEVITATION"))), null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("kinds[0].process");
        assertThat(api.put(path, Map.of("kinds", List.of(Map.of("process", "WEAVING", "sector", "MOONBASE"))), null).status())
                .isEqualTo(400);

        JsonApi.Response narrowed = api.put(path, Map.of("kinds", List.of(Map.of("process", "WEAVING", "sector", "AUTOMOTIVE"))), null);
        assertThat(narrowed.json().get("notInterestedIn")).hasSize(1);
        assertThat(narrowed.json().at("/notInterestedIn/0/since").asString()).as("kept from when it was marked").isEqualTo(since);
        assertThat(api.put(path, Map.of("kinds", List.of()), null).json().get("notInterestedIn")).isEmpty();
    }

    @Test
    void theCompanyConfirmsItsProfileInOneClickWithTheSignedLinkOfAReminder() {
        JsonNode created = api.post("/api/v1/companies", Companies.textileSmeInNormandy()).json();
        String id = created.get("id").asString();
        Instant before = Instant.parse(created.get("lastConfirmedAt").asString());
        String token = confirmationLinks(Clock.systemUTC()).sign(id);
        JsonApi company = api.anonymous(); // the link is the authorisation: no account, no token

        JsonApi.Response read = company.get("/api/v1/profile-confirmations?token=" + token);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Tissages de Normandie");
        assertThat(read.json().get("communeName").asString()).isEqualTo("Rouen");
        assertThat(read.body()).as("no contact person").doesNotContain("c.martin@tissages-normandie.fr");
        assertThat(repository.findById(id).orElseThrow().getVersion()).as("reading confirms nothing").isZero();

        JsonApi.Response confirmed = company.post("/api/v1/profile-confirmations?token=" + token, Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(Instant.parse(confirmed.json().get("lastConfirmedAt").asString())).isAfter(before);
        JsonNode event = JsonApi.parse(companies.await(r -> id.equals(r.key()) && r.value() != null
                && JsonApi.parse(r.value()).get("version").asLong() == 1, TIMEOUT).value());
        assertThat(event.get("lastConfirmedAt").asString()).isEqualTo(confirmed.json().get("lastConfirmedAt").asString());

        String expired = confirmationLinks(Clock.offset(Clock.systemUTC(), Duration.ofDays(-31))).sign(id);
        JsonApi.Response refused = company.post("/api/v1/profile-confirmations?token=" + expired, Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("title").asString()).isEqualTo("Expired confirmation link");
        String preferences = new SignedLinks("", List.of(SharedInfrastructure.LINK_KEY), Duration.ofDays(30), Clock.systemUTC())
                .sign(id);
        assertThat(company.post("/api/v1/profile-confirmations?token=" + preferences, Map.of()).status())
                .as("a link for another purpose").isEqualTo(403);
        assertThat(company.get("/api/v1/profile-confirmations?token=" + token.replace('.', '_')).status()).isEqualTo(403);
        assertThat(repository.findById(id).orElseThrow().getVersion()).as("refused links change nothing").isEqualTo(1);
    }

    private static SignedLinks confirmationLinks(Clock clock) {
        return new SignedLinks("confirm-profile", List.of(SharedInfrastructure.LINK_KEY), Duration.ofDays(30), clock);
    }

    @Test
    void everyRecordOnTheCompaniesTopicMatchesThePublishedContract() {
        String id = api.post("/api/v1/companies", Companies.textileSmeInNormandy()).json().get("id").asString();
        api.delete("/api/v1/companies/" + id, "\"0\"");

        companies.await(r -> id.equals(r.key()) && r.value() == null, TIMEOUT);
        // snapshots and tombstones of every test so far, each against docs/asyncapi.yaml's schema
        assertThat(ContractAssertions.assertConform(companies.seen())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void deletingErasesTheProfilePublishesATombstoneAndFreesTheSiret() {
        Map<String, Object> request = Companies.textileSmeInNormandy();
        String id = api.post("/api/v1/companies", request).json().get("id").asString();

        assertThat(api.delete("/api/v1/companies/" + id, "\"5\"").status()).isEqualTo(412);
        JsonApi.Response deleted = api.delete("/api/v1/companies/" + id, "\"0\"");

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/companies/" + id).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/companies/" + id, null).status()).isEqualTo(404);
        ConsumerRecord<String, String> tombstone = companies.await(r -> id.equals(r.key()) && r.value() == null, TIMEOUT);
        assertThat(TopicProbe.headers(tombstone))
                .containsEntry("ce_type", "fr.relocmatch.company.CompanyProfileDeleted.v1")
                .containsEntry("ce_subject", "company/" + id + "@1");
        CompanyDocument erased = repository.findById(id).orElseThrow();
        assertThat(erased.getContact()).isNull();
        assertThat(erased.getName()).isNull();
        assertThat(erased.getSiret()).isNull();
        await().atMost(TIMEOUT).until(() -> repository.findById(id).orElseThrow().getPublishedVersion() == 1);

        assertThat(api.post("/api/v1/companies", request).status()).as("the SIRET may be registered again").isEqualTo(201);
    }

    @Test
    void rejectsASecondProfileWithTheSameSiretOnCreateAndOnReplace() {
        Map<String, Object> request = Companies.textileSmeInNormandy();
        assertThat(api.post("/api/v1/companies", request).status()).isEqualTo(201);

        JsonApi.Response again = api.post("/api/v1/companies", request);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("errors").findValuesAsString("field")).containsExactly("siret");

        Map<String, Object> other = Companies.textileSmeInNormandy();
        String otherId = api.post("/api/v1/companies", other).json().get("id").asString();
        other.put("siret", request.get("siret"));
        assertThat(api.put("/api/v1/companies/" + otherId, other, null).status()).isEqualTo(409);
    }

    @Test
    void aGroupNeedsNoProcessesButASupplierDoes() {
        Map<String, Object> group = Companies.textileSmeInNormandy();
        group.put("kind", "GROUP");
        group.remove("processes");
        assertThat(api.post("/api/v1/companies", group).status()).isEqualTo(201);

        Map<String, Object> eti = Companies.textileSmeInNormandy();
        eti.put("kind", "ETI");
        eti.remove("processes");
        JsonApi.Response refused = api.post("/api/v1/companies", eti);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("processes");
    }

    @Test
    void relayPublishesAProfileSavedWhoseEventNeverReachedKafka() {
        // As if the service had stopped between the save and the send.
        Map<String, Object> request = Companies.textileSmeInNormandy();
        request.put("name", "Atelier orphelin");
        CompanyDocument orphan = new CompanyDocument(UUID.randomUUID().toString(), Instant.now().minusSeconds(60));
        orphan.describe(validator.validate(toRequest(request)), Instant.now().minusSeconds(60));
        repository.insert(orphan);

        ConsumerRecord<String, String> record = companies.await(r -> orphan.getId().equals(r.key()), TIMEOUT);

        assertThat(JsonApi.parse(record.value()).get("name").asString()).isEqualTo("Atelier orphelin");
        await().atMost(TIMEOUT).until(() -> repository.findById(orphan.getId()).orElseThrow().getPublishedVersion() == 0);
        assertThat(repository.findById(orphan.getId()).orElseThrow().getVersion()).isZero();
    }

    private static CompanyRequest toRequest(Map<String, Object> request) {
        return JsonMapper.builder().build().convertValue(request, CompanyRequest.class);
    }
}
