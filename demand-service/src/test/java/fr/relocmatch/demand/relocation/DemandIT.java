package fr.relocmatch.demand.relocation;

import fr.relocmatch.testinfra.ContractAssertions;
import tools.jackson.databind.json.JsonMapper;
import fr.relocmatch.testinfra.TestSirets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.TopicProbe;
import fr.relocmatch.testinfra.TopicWriter;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemandIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String DEMANDS = "relocmatch.demands.v1";

    @LocalServerPort
    int port;

    @Autowired
    DemandRepository repository;

    @Autowired
    Demands demands;

    @Autowired
    KnownCompanies known;

    @Autowired
    MongoTemplate mongo;

    private TopicWriter writer;
    private TopicProbe events;
    private JsonApi api;
    private String groupSiret;
    private String groupId;

    @BeforeAll
    void knownGroup() {
        writer = TopicWriter.onSharedBroker();
        events = TopicProbe.on(DEMANDS);
        api = SharedInfrastructure.get().api(port);
        groupSiret = TestSirets.random();
        groupId = DemandFixtures.publishCompany(writer, "GROUP", groupSiret, "Maison Française SA", "ACTIVE");
        await().atMost(TIMEOUT).until(() -> known.byId(groupId).isPresent());
    }

    @AfterAll
    void close() {
        writer.close();
        events.close();
    }

    @Test
    void createsADraftForAKnownGroupAndPublishesItsSnapshot() {
        JsonApi.Response created = api.post("/api/v1/demands", DemandFixtures.bathLinenNearRouen(groupSiret));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asString();
        assertThat(body.get("status").asString()).isEqualTo("DRAFT");
        assertThat(body.at("/buyer/companyId").asString()).isEqualTo(groupId);
        assertThat(body.at("/location/site/communeName").asString()).isEqualTo("Rouen");
        assertThat(body.get("targetNafCodes").valueStream().map(JsonNode::asString)).containsExactly("13.92Z", "13.20");
        assertThat(body.get("validUntil").asString()).isEqualTo(LocalDate.now().plusMonths(6).toString());

        ConsumerRecord<String, String> record = events.await(r -> id.equals(r.key()), TIMEOUT);
        assertThat(TopicProbe.headers(record)).containsEntry("ce_type", "fr.relocmatch.demand.DemandUpdated.v1")
                .containsEntry("ce_subject", "demand/" + id + "@0");
        JsonNode event = JsonApi.parse(record.value());
        assertThat(event.get("status").asString()).isEqualTo("DRAFT");
        assertThat(event.get("buyerName").asString()).isEqualTo("Maison Française SA");
        assertThat(event.get("locationMode").asString()).isEqualTo("RADIUS");
        assertThat(event.at("/annualVolume/unit").asString()).isEqualTo("PIECES");
    }

    @Test
    void hidesAConfidentialBuyerFromTheEventsButNotFromAdvisers() {
        Map<String, Object> request = DemandFixtures.bathLinenNearRouen(groupSiret);
        request.put("confidential", true);

        JsonApi.Response created = api.post("/api/v1/demands", request);
        String id = created.json().get("id").asString();

        assertThat(created.json().at("/buyer/name").asString()).isEqualTo("Maison Française SA");
        JsonNode event = JsonApi.parse(events.await(r -> id.equals(r.key()), TIMEOUT).value());
        assertThat(event.get("confidential").asBoolean()).isTrue();
        assertThat(event.get("buyerName").isNull()).isTrue();
        assertThat(event.get("buyerSiret").isNull()).isTrue();
        assertThat(event.get("buyerCompanyId").asString()).as("opaque id kept for the self-match gate").isEqualTo(groupId);
        assertThat(event.get("buyerSiren").asString()).as("every establishment of the buyer is kept out by the gates")
                .isEqualTo(groupSiret.substring(0, 9));
        assertThat(events.seen().stream().filter(r -> id.equals(r.key())).map(ConsumerRecord::value))
                .noneMatch(value -> value.contains("Maison Française") || value.contains(groupSiret));
    }

    @Test
    void aDefaultValidityRunsAtLeastToTheStartOfProduction() {
        Map<String, Object> request = DemandFixtures.bathLinenNearRouen(groupSiret);
        LocalDate start = LocalDate.now().plusMonths(9);
        request.put("startDate", start.toString());
        request.remove("validUntil");
        JsonApi.Response created = api.post("/api/v1/demands", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("validUntil").asString()).as("not the 6 months default, which ends before")
                .isEqualTo(start.toString());
    }

    @Test
    void aRegionsOrNationwideDemandKeepsItsDeliverySiteAndAMinimumCoverage() {
        Map<String, Object> request = DemandFixtures.bathLinenNearRouen(groupSiret);
        request.put("location", Map.of("mode", "REGIONS", "regions", List.of("28", "32"), "communeCode", "76259"));
        JsonApi.Response created = api.post("/api/v1/demands", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/location/site/communeName").asString()).isEqualTo("Fécamp");
        assertThat(created.json().at("/annualVolume/minimumCoveragePercent").asDouble()).as("default").isEqualTo(5);
        JsonNode event = JsonApi.parse(events.await(r -> created.json().get("id").asString().equals(r.key()), TIMEOUT).value());
        assertThat(event.at("/site/communeCode").asString()).isEqualTo("76259");
        assertThat(event.at("/annualVolume/minimumCoveragePercent").asDouble()).isEqualTo(5);

        request.put("location", Map.of("mode", "NATIONWIDE"));
        request.put("annualVolume", Map.of("quantity", 1000, "unit", "PIECES", "minimumCoveragePercent", 0.5));
        JsonApi.Response nationwide = api.post("/api/v1/demands", request);
        assertThat(nationwide.status()).as(nationwide.body()).isEqualTo(201);
        assertThat(nationwide.json().at("/location/site").isNull()).as("a delivery site is optional").isTrue();
        assertThat(nationwide.json().at("/annualVolume/minimumCoveragePercent").asDouble()).isEqualTo(0.5);
    }

    @Test
    void acceptsABuyerByCompanyIdAndRejectsUnknownOrNonGroupBuyers() {
        Map<String, Object> byId = DemandFixtures.bathLinenNearRouen(null);
        byId.remove("buyerSiret");
        byId.put("buyerCompanyId", groupId);
        assertThat(api.post("/api/v1/demands", byId).status()).isEqualTo(201);

        String smeSiret = TestSirets.random();
        String smeId = DemandFixtures.publishCompany(writer, "SME", smeSiret, "Petit Atelier", "ACTIVE");
        await().atMost(TIMEOUT).until(() -> known.byId(smeId).isPresent());
        long before = repository.count();

        JsonApi.Response sme = api.post("/api/v1/demands", DemandFixtures.bathLinenNearRouen(smeSiret));
        JsonApi.Response unknown = api.post("/api/v1/demands", DemandFixtures.bathLinenNearRouen(TestSirets.random()));

        assertThat(sme.status()).isEqualTo(400);
        assertThat(sme.json().at("/errors/0/message").asString()).contains("not an active GROUP");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("buyerSiret");
        assertThat(unknown.json().at("/errors/0/message").asString()).contains("no such company profile");
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void revealsAConfidentialBuyerToTheSupplierOfAnAcceptedMatchOnly() {
        Map<String, Object> request = DemandFixtures.bathLinenNearRouen(groupSiret);
        request.put("confidential", true);
        String id = api.post("/api/v1/demands", request).json().get("id").asString();
        assertThat(move(id, "open").status()).isEqualTo(200);

        decide(id, "ACCEPTED");
        decide(id, "ACCEPTED"); // redelivered: one disclosure

        ConsumerRecord<String, String> disclosed = events.await(r -> id.equals(r.key())
                && JsonApi.parse(r.value()).get("disclosures").size() > 0, TIMEOUT);
        JsonNode event = JsonApi.parse(disclosed.value());
        assertThat(event.get("buyerName").isNull()).as("still hidden from everyone else").isTrue();
        assertThat(event.get("disclosures")).hasSize(1);
        assertThat(event.at("/disclosures/0/matchId").asString()).isEqualTo("m-" + id);
        assertThat(event.at("/disclosures/0/companyId").asString()).isEqualTo("c-1");
        assertThat(event.at("/disclosures/0/buyerName").asString()).isEqualTo("Maison Française SA");
        assertThat(event.get("status").asString()).isEqualTo("IN_DISCUSSION");
        await().during(Duration.ofMillis(500)).atMost(TIMEOUT).until(() -> repository.findById(id).orElseThrow()
                .getDisclosures().size() == 1);
    }

    @Test
    void forgetsABuyerWhoseProfileWasDeleted() {
        String siret = TestSirets.random();
        String id = DemandFixtures.publishCompany(writer, "GROUP", siret, "Groupe Éphémère", "ACTIVE");
        await().atMost(TIMEOUT).until(() -> known.byId(id).isPresent());
        assertThat(api.post("/api/v1/demands", DemandFixtures.bathLinenNearRouen(siret)).status()).isEqualTo(201);

        writer.send("relocmatch.companies.v1", id, null, Map.of("ce_type",
                "fr.relocmatch.company.CompanyProfileDeleted.v1", "ce_id", UUID.randomUUID().toString(),
                "ce_source", "/tests", "ce_specversion", "1.0"));

        await().atMost(TIMEOUT).until(() -> known.byId(id).isEmpty());
        JsonApi.Response refused = api.post("/api/v1/demands", DemandFixtures.bathLinenNearRouen(siret));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/message").asString()).contains("no such company profile");
    }

    @Test
    void walksTheLegalLifecyclePublishingEachStatus() {
        String id = createDraft();

        assertThat(move(id, "open").json().get("status").asString()).isEqualTo("OPEN");
        assertThat(move(id, "discussion").json().get("status").asString()).isEqualTo("IN_DISCUSSION");
        assertThat(move(id, "open").json().get("status").asString()).isEqualTo("OPEN");
        assertThat(move(id, "discussion").json().get("status").asString()).isEqualTo("IN_DISCUSSION");
        JsonApi.Response fulfilled = move(id, "fulfil");
        assertThat(fulfilled.json().get("status").asString()).isEqualTo("FULFILLED");
        assertThat(fulfilled.json().get("version").asLong()).isEqualTo(5);

        await().atMost(TIMEOUT).until(() -> statusesPublished(id),
                statuses -> statuses.equals(List.of("DRAFT", "OPEN", "IN_DISCUSSION", "OPEN", "IN_DISCUSSION", "FULFILLED")));
    }

    @Test
    void cancelsWithAReason() {
        String id = createDraft();

        JsonApi.Response cancelled = api.post("/api/v1/demands/" + id + "/cancel", Map.of("reason", "sourcing abandoned"));

        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("statusReason").asString()).isEqualTo("sourcing abandoned");
    }

    static Stream<Arguments> illegalTransitions() {
        return Stream.of(
                Arguments.of(List.<String>of(), "discussion", "DRAFT"),
                Arguments.of(List.<String>of(), "fulfil", "DRAFT"),
                Arguments.of(List.of("open"), "open", "OPEN"),
                Arguments.of(List.of("open", "fulfil"), "open", "FULFILLED"),
                Arguments.of(List.of("open", "fulfil"), "cancel", "FULFILLED"),
                Arguments.of(List.of("open", "fulfil"), "discussion", "FULFILLED"),
                Arguments.of(List.of("cancel"), "open", "CANCELLED"),
                Arguments.of(List.of("cancel"), "cancel", "CANCELLED"));
    }

    @ParameterizedTest(name = "{2} -/-> {1}")
    @MethodSource("illegalTransitions")
    void refusesAnIllegalTransitionWithAReason(List<String> path, String move, String from) {
        String id = createDraft();
        path.forEach(step -> assertThat(move(id, step).status()).isEqualTo(200));
        long version = repository.findById(id).orElseThrow().getVersion();

        JsonApi.Response refused = move(id, move);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("title").asString()).isEqualTo("Illegal demand transition");
        assertThat(refused.json().get("detail").asString()).contains("is " + from);
        // RFC 9457's status is the HTTP code, once: the demand's own status has a name of its own
        assertThat(refused.body().split("\"status\"", -1)).as(refused.body()).hasSize(2);
        assertThat(refused.json().get("status").asInt()).isEqualTo(409);
        assertThat(refused.json().get("demandStatus").asString()).isEqualTo(from);
        assertThat(refused.json().get("allowed").isArray()).isTrue();
        assertThat(repository.findById(id).orElseThrow().getVersion()).isEqualTo(version);
    }

    @Test
    void expiresDemandsPastTheirValidityDate() {
        String open = createDraft();
        move(open, "open");
        String fulfilled = createDraft();
        move(fulfilled, "open");
        move(fulfilled, "fulfil");
        String fresh = createDraft();
        for (String id : List.of(open, fulfilled)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                    new Update().set("validUntil", LocalDate.now().minusDays(1)), "demands");
        }

        demands.expireOutdated();

        assertThat(repository.findById(open).orElseThrow().getStatus()).isEqualTo(DemandStatus.EXPIRED);
        assertThat(repository.findById(open).orElseThrow().getStatusReason()).startsWith("validity ended on");
        assertThat(repository.findById(fulfilled).orElseThrow().getStatus()).isEqualTo(DemandStatus.FULFILLED);
        assertThat(repository.findById(fresh).orElseThrow().getStatus()).isEqualTo(DemandStatus.DRAFT);
        await().atMost(TIMEOUT).until(() -> statusesPublished(open).contains("EXPIRED"));
    }

    @Test
    void anAcceptedMatchPutsAnOpenDemandIntoDiscussion() {
        String accepted = createDraft();
        move(accepted, "open");
        String rejected = createDraft();
        move(rejected, "open");

        decide(rejected, "REJECTED");
        decide(accepted, "ACCEPTED");
        decide(accepted, "ACCEPTED"); // redelivered

        await().atMost(TIMEOUT).until(() -> repository.findById(accepted).orElseThrow().getStatus() == DemandStatus.IN_DISCUSSION);
        assertThat(repository.findById(accepted).orElseThrow().getVersion()).isEqualTo(2);
        assertThat(repository.findById(rejected).orElseThrow().getStatus()).isEqualTo(DemandStatus.OPEN);
    }

    /**
     * The outcome steps of accepted matches share the decisions topic: they are not decisions, and
     * not unreadable records either — nothing is dead-lettered, the decisions after them are taken.
     */
    @Test
    void anOutcomeStepOnTheDecisionsTopicIsLeftAloneAndTheDemandSaysWhenItWasOpened() {
        String id = createDraft();
        move(id, "open");
        String outcomeId = UUID.randomUUID().toString();
        try (TopicProbe dead = TopicProbe.on("relocmatch.demand.dlq.v1")) {
            writer.send("relocmatch.decisions.v1", id, """
                    {"outcomeId":"%s","matchId":"m-%s","demandId":"%s","companyId":"c-1","step":"CONTACT_MADE",
                     "on":"2026-11-30","recordedBy":"grands-comptes@normandie.cci.fr","recordedAt":"2026-11-30T10:00:00Z"}
                    """.formatted(outcomeId, id, id), Map.of("ce_type", "fr.relocmatch.matching.MatchOutcomeRecorded.v1",
                    "ce_id", outcomeId, "ce_source", "/tests", "ce_specversion", "1.0"));
            decide(id, "ACCEPTED");

            await().atMost(TIMEOUT).until(() -> repository.findById(id).orElseThrow().getStatus() == DemandStatus.IN_DISCUSSION);
            assertThat(dead.seenToTheEnd(TIMEOUT)).noneMatch(r -> outcomeId.equals(TopicProbe.headers(r).get("ce_id")));
        }
        await().atMost(TIMEOUT).until(() -> statusesPublished(id).contains("IN_DISCUSSION"));
        List<JsonNode> published = events.seen().stream().filter(r -> id.equals(r.key())).map(r -> JsonApi.parse(r.value())).toList();
        assertThat(published.getFirst().get("status").asString()).isEqualTo("DRAFT");
        assertThat(published.getFirst().get("openedAt").isNull()).isTrue();
        String opened = published.get(1).get("openedAt").asString();
        assertThat(Instant.parse(opened)).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(published.getLast().get("status").asString()).isEqualTo("IN_DISCUSSION");
        assertThat(published.getLast().get("openedAt").asString()).isEqualTo(opened);
    }

    @Test
    void editsOnlyTheCurrentVersionOfAnEditableDemand() {
        String id = createDraft();
        Map<String, Object> changed = DemandFixtures.bathLinenNearRouen(groupSiret);
        changed.put("title", "Linge de bain bio");

        JsonApi.Response stale = api.put("/api/v1/demands/" + id, changed, "\"7\"");
        JsonApi.Response edited = api.put("/api/v1/demands/" + id, changed, "\"0\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().get("title").asString()).isEqualTo("Linge de bain bio");
        assertThat(edited.json().get("version").asLong()).isEqualTo(1);

        move(id, "open");
        move(id, "fulfil");
        assertThat(api.put("/api/v1/demands/" + id, changed, null).status()).isEqualTo(409);
    }

    @Test
    void searchesByStatusProcessRegionAndBuyerWithPages() {
        String otherGroupSiret = TestSirets.random();
        String otherGroup = DemandFixtures.publishCompany(writer, "GROUP", otherGroupSiret, "Textiles du Nord", "ACTIVE");
        await().atMost(TIMEOUT).until(() -> known.byId(otherGroup).isPresent());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> request = DemandFixtures.bathLinenNearRouen(otherGroupSiret);
            request.put("requiredProcesses", List.of("KNITTING"));
            request.put("preferredProcesses", List.of());
            request.put("location", Map.of("mode", "REGIONS", "regions", List.of("32", "28")));
            ids.add(api.post("/api/v1/demands", request).json().get("id").asString());
        }
        move(ids.get(0), "open");

        JsonNode page = api.get("/api/v1/demands?buyerCompanyId=" + otherGroup + "&process=KNITTING&region=32&size=2").json();
        assertThat(page.get("totalElements").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asLong()).isEqualTo(2);
        assertThat(page.get("content")).hasSize(2);
        JsonNode open = api.get("/api/v1/demands?buyerCompanyId=" + otherGroup + "&status=OPEN").json();
        assertThat(open.get("content").valueStream().map(d -> d.get("id").asString())).containsExactly(ids.get(0));
        assertThat(api.get("/api/v1/demands?buyerCompanyId=" + otherGroup + "&region=84").json().get("totalElements")
                .asLong()).isZero();
        assertThat(api.get("/api/v1/demands?status=SOMEDAY").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/demands?size=0").status()).isEqualTo(400);
    }

    @Test
    void suggestsProcessesFromACpfProductCode() {
        JsonApi.Response suggestions = api.get("/api/v1/demands/process-suggestions?cpf=13.92.12");

        assertThat(suggestions.json().get("processes").valueStream().map(p -> p.get("code").asString()))
                .contains("HOME_TEXTILES", "CUT_AND_SEW").doesNotContain("CNC_MILLING");
        assertThat(api.get("/api/v1/demands/process-suggestions?cpf=textile").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/demands/process-suggestions").status()).as("no code").isEqualTo(400);
    }

    @Test
    void suggestsProcessesFromAnImportCodeThroughItsProductClassAndNafClass() {
        JsonApi.Response terry = api.get("/api/v1/demands/process-suggestions?hs=630260");
        assertThat(terry.status()).as(terry.body()).isEqualTo(200);
        assertThat(terry.json().at("/product/scheme").asString()).isEqualTo("HS");
        assertThat(terry.json().at("/product/label").asString()).startsWith("Toilet linen and kitchen linen, of terry");
        assertThat(terry.json().at("/steps/0/cpaCode").asString()).isEqualTo("13.92.14");
        assertThat(terry.json().at("/steps/0/nafClass").asString()).isEqualTo("13.92");
        assertThat(terry.json().at("/steps/0/processes").valueStream().map(JsonNode::asString)).contains("HOME_TEXTILES");

        // a CN code of 8 digits; an HS code whose CN codes fall in two product classes lists both
        JsonApi.Response valves = api.get("/api/v1/demands/process-suggestions?hs=84818085");
        assertThat(valves.status()).as(valves.body()).isEqualTo(200);
        assertThat(valves.json().at("/steps/0/nafClass").asString()).isEqualTo("28.14");

        JsonApi.Response unknown = api.get("/api/v1/demands/process-suggestions?hs=999999");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/errors/0/field").asString()).isEqualTo("hs");
        assertThat(api.get("/api/v1/demands/process-suggestions?hs=6302").status()).as("a heading is too vague").isEqualTo(400);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("title missing", d -> d.remove("title"), "title"),
                bad("title blank", d -> d.put("title", "  "), "title"),
                bad("title too long", d -> d.put("title", "x".repeat(201)), "title"),
                bad("description too long", d -> d.put("description", "x".repeat(4001)), "description"),
                bad("no buyer", d -> d.remove("buyerSiret"), "buyerCompanyId"),
                bad("buyer SIRET malformed", d -> d.put("buyerSiret", "123"), "buyerSiret"),
                bad("required processes missing", d -> d.remove("requiredProcesses"), "requiredProcesses"),
                bad("required processes empty", d -> d.put("requiredProcesses", List.of()), "requiredProcesses"),
                bad("unknown required process", d -> d.put("requiredProcesses", List.of("WEAVING", "ALCHEMY")), "requiredProcesses[1]"),
                bad("blank required process", d -> d.put("requiredProcesses", List.of(" ")), "requiredProcesses[0]"),
                bad("unknown preferred process", d -> d.put("preferredProcesses", List.of("LEVITATION")), "preferredProcesses[0]"),
                bad("preferred repeats required", d -> d.put("preferredProcesses", List.of("WEAVING")), "preferredProcesses"),
                bad("unknown NAF", d -> d.put("targetNafCodes", List.of("99.99Q")), "targetNafCodes[0]"),
                bad("unknown certification", d -> d.put("requiredCertifications", List.of("ISO9999")), "requiredCertifications[0]"),
                bad("CPF malformed", d -> d.put("product", Map.of("scheme", "CPF", "code", "1392")), "product.code"),
                bad("HS malformed", d -> d.put("product", Map.of("scheme", "HS", "code", "63.02")), "product.code"),
                bad("unknown product scheme", d -> d.put("product", Map.of("scheme", "EAN", "code", "1")), "product.scheme"),
                bad("volume missing", d -> d.remove("annualVolume"), "annualVolume"),
                bad("volume zero", d -> d.put("annualVolume", Map.of("quantity", 0, "unit", "PIECES")), "annualVolume.quantity"),
                bad("volume unit unknown", d -> d.put("annualVolume", Map.of("quantity", 10, "unit", "BUCKETS")), "annualVolume.unit"),
                bad("negative price", d -> d.put("targetUnitPriceEur", -1), "targetUnitPriceEur"),
                bad("start date missing", d -> d.remove("startDate"), "startDate"),
                bad("start date in the past", d -> d.put("startDate", LocalDate.now().minusDays(1).toString()), "startDate"),
                bad("start date not a date", d -> d.put("startDate", "next spring"), "startDate"),
                bad("validity already over", d -> d.put("validUntil", LocalDate.now().toString()), "validUntil"),
                bad("validity over before production starts", d -> {
                    d.put("startDate", LocalDate.now().plusMonths(9).toString());
                    d.put("validUntil", LocalDate.now().plusMonths(8).toString());
                }, "validUntil"),
                bad("location missing", d -> d.remove("location"), "location"),
                bad("location mode unknown", d -> d.put("location", Map.of("mode", "MOON")), "location.mode"),
                bad("radius without distance", d -> d.put("location", Map.of("mode", "RADIUS", "communeCode", "76540")), "location.maxDistanceKm"),
                bad("radius too large", d -> d.put("location", Map.of("mode", "RADIUS", "communeCode", "76540", "maxDistanceKm", 5000)), "location.maxDistanceKm"),
                bad("unknown commune", d -> d.put("location", Map.of("mode", "RADIUS", "communeCode", "99999", "maxDistanceKm", 50)), "location"),
                bad("ambiguous postal code", d -> d.put("location", Map.of("mode", "RADIUS", "postalCode", "76190", "maxDistanceKm", 50)), "location"),
                bad("regions mode without régions", d -> d.put("location", Map.of("mode", "REGIONS")), "location.regions"),
                bad("unknown région", d -> d.put("location", Map.of("mode", "REGIONS", "regions", List.of("99"))), "location.regions[0]"),
                bad("nationwide with a radius", d -> d.put("location", Map.of("mode", "NATIONWIDE", "maxDistanceKm", 50)), "location.maxDistanceKm"),
                bad("radius without its centre", d -> d.put("location", Map.of("mode", "RADIUS", "maxDistanceKm", 50)), "location.communeCode"),
                bad("a company label required", d -> d.put("requiredCertifications", List.of("OFG")), "requiredCertifications[0]"),
                bad("minimum coverage over 100 %", d -> d.put("annualVolume", Map.of("quantity", 10, "unit", "PIECES",
                        "minimumCoveragePercent", 120)), "annualVolume.minimumCoveragePercent"),
                bad("adviser e-mail missing", d -> d.remove("adviserEmail"), "adviserEmail"),
                bad("adviser e-mail malformed", d -> d.put("adviserEmail", "not-an-email"), "adviserEmail"),
                bad("processes not a list", d -> d.put("requiredProcesses", "WEAVING"), "requiredProcesses"),
                bad("confidential not a boolean", d -> d.put("confidential", "maybe"), "confidential"));
    }

    private static Arguments bad(String name, Consumer<Map<String, Object>> mutation, String field) {
        return Arguments.of(name, mutation, field);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsBadInputNamingTheFieldAndPersistsNothing(String name, Consumer<Map<String, Object>> mutation,
            String field) {
        Map<String, Object> request = new LinkedHashMap<>(DemandFixtures.bathLinenNearRouen(groupSiret));
        mutation.accept(request);
        long before = repository.count();

        JsonApi.Response answer = api.post("/api/v1/demands", request);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("errors").findValuesAsString("field")).as(answer.body()).contains(field);
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    void publishesItsOpenApiDocumentAndSwaggerUi() {
        JsonApi.Response document = api.get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        JsonNode paths = document.json().get("paths");
        assertThat(paths.has("/api/v1/demands")).isTrue();
        assertThat(paths.has("/api/v1/demands/{id}/open")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void rejectsMalformedJsonAndUnknownDemands() {
        assertThat(api.postRaw("/api/v1/demands", "{\"title\": ").status()).isEqualTo(400);
        assertThat(api.postRaw("/api/v1/demands", "[]").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/demands/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(move(UUID.randomUUID().toString(), "open").status()).isEqualTo(404);
    }

    @Test
    void everyRecordOnTheDemandsTopicMatchesThePublishedContract() {
        String id = createDraft();
        move(id, "open");
        Map<String, Object> confidential = DemandFixtures.bathLinenNearRouen(groupSiret);
        confidential.put("confidential", true);
        api.post("/api/v1/demands", confidential);

        events.await(r -> id.equals(r.key()) && JsonApi.parse(r.value()).get("version").asLong() == 1, TIMEOUT);
        assertThat(ContractAssertions.assertConform(events.seen())).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aPartnersDemandIsOpenedAtOnceAndIsOneDemandHoweverOftenItIsDelivered() {
        try (TopicProbe outcomes = TopicProbe.on("relocmatch.partner.outcomes.v1")) {
            String messageId = UUID.randomUUID().toString();
            String body = JsonMapper.builder().build()
                    .writeValueAsString(DemandFixtures.bathLinenNearRouen(groupSiret));
            publishToInbox(messageId, body);
            publishToInbox(messageId, body); // redelivered

            List<JsonNode> answers = await().atMost(TIMEOUT).until(() -> outcomesFor(outcomes, messageId), l -> l.size() == 2);
            assertThat(answers).extracting(a -> a.get("outcome").asString()).containsOnly("ACCEPTED");
            String id = answers.getFirst().get("resourceId").asString();
            assertThat(answers.getLast().get("resourceId").asString()).isEqualTo(id);
            JsonNode demand = api.get("/api/v1/demands/" + id).json();
            assertThat(demand.get("status").asString()).isEqualTo("OPEN");
            assertThat(demand.at("/buyer/companyId").asString()).isEqualTo(groupId);
            await().atMost(TIMEOUT).until(() -> statusesPublished(id), list -> !list.isEmpty());
            assertThat(statusesPublished(id)).containsExactly("OPEN");
        }
    }

    @Test
    void aPartnersDemandForAnUnknownBuyerIsRejectedAndDeadLettered() {
        try (TopicProbe outcomes = TopicProbe.on("relocmatch.partner.outcomes.v1");
                TopicProbe dead = TopicProbe.on("relocmatch.partner.demands.v1.dlq")) {
            String messageId = UUID.randomUUID().toString();
            publishToInbox(messageId, JsonMapper.builder().build()
                    .writeValueAsString(DemandFixtures.bathLinenNearRouen(TestSirets.random())));

            JsonNode answer = await().atMost(TIMEOUT).until(() -> outcomesFor(outcomes, messageId), l -> l.size() == 1)
                    .getFirst();
            assertThat(answer.get("outcome").asString()).isEqualTo("REJECTED");
            assertThat(answer.get("errors").findValuesAsString("field")).contains("buyerSiret");
            Map<String, String> headers = TopicProbe.headers(
                    dead.await(r -> messageId.equals(TopicProbe.headers(r).get("ce_id")), TIMEOUT));
            assertThat(headers).containsEntry("ce_source", "/partners/retailer-sourcing")
                    .containsEntry("x-original-topic", "relocmatch.partner.demands.v1");
            assertThat(headers.get("x-relocmatch-errors")).contains("buyerSiret");
        }
    }

    private void publishToInbox(String messageId, String body) {
        writer.send("relocmatch.partner.demands.v1", messageId, body, Map.of("ce_id", messageId,
                "ce_source", "/partners/retailer-sourcing", "ce_type", "fr.relocmatch.partner.DemandSubmitted.v1",
                "ce_specversion", "1.0", "content-type", "application/json"));
    }

    private static List<JsonNode> outcomesFor(TopicProbe outcomes, String messageId) {
        return outcomes.seen().stream().map(r -> JsonApi.parse(r.value()))
                .filter(o -> messageId.equals(o.path("correlationId").asString(null))).toList();
    }

    private String createDraft() {
        JsonApi.Response created = api.post("/api/v1/demands", DemandFixtures.bathLinenNearRouen(groupSiret));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonApi.Response move(String id, String transition) {
        return api.post("/api/v1/demands/" + id + "/" + transition, Map.of());
    }

    private void decide(String demandId, String decision) {
        String body = """
                {"decisionId":"%s","matchId":"m-%s","demandId":"%s","companyId":"c-1","decision":"%s","reason":"test"}
                """.formatted(UUID.randomUUID(), demandId, demandId, decision);
        writer.send("relocmatch.decisions.v1", demandId, body, Map.of("ce_type", "fr.relocmatch.matching.MatchDecided.v1",
                "ce_id", UUID.randomUUID().toString(), "ce_source", "/tests", "ce_specversion", "1.0"));
    }

    private List<String> statusesPublished(String id) {
        return events.seen().stream().filter(r -> id.equals(r.key()))
                .map(r -> JsonApi.parse(r.value()).get("status").asString()).toList();
    }
}
