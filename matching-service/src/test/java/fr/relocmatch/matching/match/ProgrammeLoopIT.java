package fr.relocmatch.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.relocmatch.testinfra.ContractAssertions;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TestIssuer;
import fr.relocmatch.testinfra.TopicProbe;
import fr.relocmatch.testinfra.TopicWriter;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The programme's loop after the ranking: rejections name a listed reason, accepted matches go
 * through their outcome steps, and the région's figures count what the events said. This instance
 * has a database and consumer groups of its own, so that its figures are only of what it was sent
 * after it started; its processes (metal work) are used by no other matching test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=relocmatch-matching-programme",
        "spring.cloud.stream.bindings.companies-in-0.group=programme-profiles",
        "spring.cloud.stream.bindings.demands-in-0.group=programme-demands",
        // an inbox of its own: the other instances of the tests would answer for demands they do not hold
        "spring.cloud.stream.bindings.partnerMatchOutcomes-in-0.destination=" + ProgrammeLoopIT.INBOX,
        "spring.cloud.stream.kafka.bindings.partnerMatchOutcomes-in-0.consumer.dlq-name=" + ProgrammeLoopIT.INBOX + ".dlq" })
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeLoopIT {

    static final String INBOX = "relocmatch.partner.match-outcomes.programme-test";
    private static final String PARTNER = "/partners/retailer-sourcing";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final double ROUEN_LAT = 49.4435;
    private static final double ROUEN_LON = 1.10006;

    @LocalServerPort
    int port;

    private TopicWriter writer;
    private MatchingEvents events;
    private JsonApi adviser;

    @BeforeAll
    void connect() {
        writer = TopicWriter.onSharedBroker();
        events = new MatchingEvents(writer);
        adviser = SharedInfrastructure.get().api(port, TestIssuer.ADVISER_28);
        await().atMost(Duration.ofSeconds(60)).until(() -> adviser.get("/actuator/health/readiness").status() == 200);
    }

    @AfterAll
    void disconnect() {
        writer.close();
    }

    @Test
    void aRejectionNamesAListedReasonAndTheDecisionEventCarriesIt() {
        String demand = UUID.randomUUID().toString();
        String matchId = proposedMatches(demand, "WIRE_SPRINGS", -1, List.of("25.93Z")).getFirst().get("id").asString();

        JsonApi.Response inWordsOnly = decide(matchId, Map.of("decision", "REJECTED", "reason", "trop cher"));
        assertThat(inWordsOnly.status()).isEqualTo(400);
        assertThat(inWordsOnly.json().get("errors").findValuesAsString("field")).containsExactly("reasonCode");
        JsonApi.Response unlisted = decide(matchId, Map.of("decision", "REJECTED", "reasonCode", "WEATHER"));
        assertThat(unlisted.status()).isEqualTo(400);
        assertThat(unlisted.json().at("/errors/0/field").asString()).isEqualTo("reasonCode");
        assertThat(unlisted.json().at("/errors/0/message").asString()).contains("CAPACITY", "COMPANY_NOT_INTERESTED", "OTHER");
        JsonApi.Response otherUnsaid = decide(matchId, Map.of("decision", "REJECTED", "reasonCode", "OTHER"));
        assertThat(otherUnsaid.json().get("errors").findValuesAsString("field")).containsExactly("reason");
        JsonApi.Response acceptedWithCode = decide(matchId, Map.of("decision", "ACCEPTED", "reasonCode", "PRICE"));
        assertThat(acceptedWithCode.json().get("errors").findValuesAsString("field")).containsExactly("reasonCode");
        assertThat(adviser.get("/api/v1/matches/" + matchId).json().get("status").asString()).isEqualTo("PROPOSED");

        JsonApi.Response rejected = decide(matchId, Map.of("decision", "REJECTED", "reasonCode", "CAPACITY",
                "reason", "20 000 ressorts par an au plus"));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("reasonCode").asString()).isEqualTo("CAPACITY");
        assertThat(rejected.json().get("reason").asString()).isEqualTo("20 000 ressorts par an au plus");
        try (TopicProbe decisions = TopicProbe.on("relocmatch.decisions.v1")) {
            ConsumerRecord<String, String> decision = decisions.await(r -> demand.equals(r.key()), TIMEOUT);
            JsonNode body = JsonApi.parse(decision.value());
            assertThat(body.get("reasonCode").asString()).isEqualTo("CAPACITY");
            assertThat(body.get("reason").asString()).isEqualTo("20 000 ressorts par an au plus");
            ContractAssertions.assertConform(List.of(decision));
        }
    }

    @Test
    void anAcceptedMatchGoesThroughItsOutcomeStepsInOrderAndEachIsPublishedOnce() {
        String demand = UUID.randomUUID().toString();
        String matchId = proposedMatches(demand, "FORGING", -1, List.of("25.50A")).getFirst().get("id").asString();
        String path = "/api/v1/matches/" + matchId + "/outcomes";

        assertThat(adviser.post(path, Map.of("step", "CONTACT_MADE")).status()).as("not accepted yet").isEqualTo(409);
        assertThat(decide(matchId, Map.of("decision", "ACCEPTED")).status()).isEqualTo(200);

        LocalDate today = LocalDate.now(FRANCE);
        JsonApi.Response skipping = adviser.post(path, Map.of("step", "QUOTE_SENT"));
        assertThat(skipping.status()).isEqualTo(409);
        assertThat(skipping.json().get("detail").asString()).contains("ACCEPTED", "QUOTE_SENT");
        JsonApi.Response tomorrow = adviser.post(path, Map.of("step", "CONTACT_MADE", "on", today.plusDays(1).toString()));
        assertThat(tomorrow.status()).isEqualTo(400);
        assertThat(tomorrow.json().get("errors").findValuesAsString("field")).containsExactly("on");
        JsonApi.Response beforeAcceptance = adviser.post(path, Map.of("step", "CONTACT_MADE", "on", today.minusDays(3).toString()));
        assertThat(beforeAcceptance.status()).isEqualTo(400);
        assertThat(beforeAcceptance.json().at("/errors/0/message").asString()).contains("before the acceptance");
        JsonApi.Response unknownStep = adviser.post(path, Map.of("step", "DINNER"));
        assertThat(unknownStep.json().get("errors").findValuesAsString("field")).containsExactly("step");
        assertThat(SharedInfrastructure.get().api(port, TestIssuer.ADVISER_32).post(path, Map.of("step", "CONTACT_MADE"))
                .status()).as("neither side is in Hauts-de-France").isEqualTo(403);

        assertThat(adviser.post(path, Map.of("step", "CONTACT_MADE")).status()).isEqualTo(200);
        assertThat(adviser.post(path, Map.of("step", "CONTACT_MADE")).status()).as("a step once").isEqualTo(409);
        assertThat(adviser.post(path, Map.of("step", "ABANDONED")).json().get("errors").findValuesAsString("field"))
                .containsExactly("reasonCode");
        assertThat(adviser.post(path, Map.of("step", "QUOTE_SENT", "reasonCode", "PRICE")).status()).isEqualTo(400);
        assertThat(adviser.post(path, Map.of("step", "QUOTE_SENT")).status()).isEqualTo(200);
        assertThat(adviser.post(path, Map.of("step", "AGREEMENT_SIGNED")).status()).isEqualTo(200);
        JsonApi.Response started = adviser.post(path, Map.of("step", "PRODUCTION_STARTED"));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().get("outcome").asString()).isEqualTo("PRODUCTION_STARTED");
        assertThat(started.json().get("outcomes").findValuesAsString("step"))
                .containsExactly("CONTACT_MADE", "QUOTE_SENT", "AGREEMENT_SIGNED", "PRODUCTION_STARTED");
        assertThat(started.json().get("outcomes").findValuesAsString("recordedBy")).containsOnly("grands-comptes@normandie.cci.fr");
        assertThat(adviser.post(path, Map.of("step", "ABANDONED", "reasonCode", "PRICE")).status())
                .as("production started is final").isEqualTo(409);

        List<ConsumerRecord<String, String>> steps = stepsPublished(demand, "PRODUCTION_STARTED");
        // every send repeats the earlier steps under their own ids: once each, by id
        assertThat(stepsById(steps).values()).containsExactlyInAnyOrder("CONTACT_MADE", "QUOTE_SENT", "AGREEMENT_SIGNED",
                "PRODUCTION_STARTED");
        assertThat(JsonApi.parse(steps.getFirst().value()).get("on").asString()).isEqualTo(today.toString());
        try (TopicProbe matches = TopicProbe.on(MatchingEvents.MATCHES)) {
            ConsumerRecord<String, String> last = matches.await(r -> demand.equals(r.key())
                    && r.value().contains("\"outcome\":\"PRODUCTION_STARTED\""), TIMEOUT);
            assertThat(TopicProbe.headers(last)).containsEntry("ce_type", "fr.relocmatch.matching.MatchOutcomeRecorded.v1");
            ContractAssertions.assertConform(List.of(last));
        }
    }

    @Test
    void theSupplierSideAdviserRecordsOutcomesToo() {
        String demand = UUID.randomUUID().toString();
        String company = UUID.randomUUID().toString();
        events.company(company, 0, "Forge des Flandres", List.of("HEAT_TREATMENT"), ROUEN_LAT, ROUEN_LON,
                ",\"ownerRegion\":\"32\",\"nafCode\":\"25.61Z\"");
        events.demand(demand, 0, "OPEN", List.of("HEAT_TREATMENT"), 50);
        String matchId = await().atMost(TIMEOUT).until(() -> adviser.get("/api/v1/matches?demandId=" + demand).json()
                .valueStream().toList(), list -> !list.isEmpty()).getFirst().get("id").asString();
        JsonApi supplierSide = SharedInfrastructure.get().api(port, TestIssuer.ADVISER_32);
        assertThat(supplierSide.post("/api/v1/matches/" + matchId + "/decision", Map.of("decision", "ACCEPTED")).status())
                .as("the demand's side decides").isEqualTo(403);
        assertThat(decide(matchId, Map.of("decision", "ACCEPTED")).status()).isEqualTo(200);

        JsonApi.Response contact = supplierSide.post("/api/v1/matches/" + matchId + "/outcomes", Map.of("step", "CONTACT_MADE"));

        assertThat(contact.status()).as(contact.body()).isEqualTo(200);
        assertThat(contact.json().at("/outcomes/0/recordedBy").asString()).isEqualTo("plasturgie@hautsdefrance.cci.fr");
    }

    /**
     * The partner that submitted a demand records the steps of its accepted matches on the inbox,
     * naming the match by demand and supplier SIRET: each message answered, the steps published as an
     * adviser's are, a redelivery recorded once; another partner, an illegal move, a step for a
     * supplier the demand has no match with and a body off the schema are rejected and dead-lettered.
     */
    @Test
    void aPartnerRecordsTheOutcomeStepsOfItsOwnDemandsMatchesOnTheInbox() {
        String demand = UUID.randomUUID().toString();
        String company = UUID.randomUUID().toString();
        String siret = MatchingEvents.siretOf(company);
        events.company(company, 0, "Chaudronnerie du Roumois", List.of("BENDING_FORMING"), ROUEN_LAT, ROUEN_LON,
                ",\"nafCode\":\"25.11Z\"");
        events.demand(demand, 0, "OPEN", List.of("BENDING_FORMING"), 60, ",\"submittedBy\":\"" + PARTNER + "\"");
        String matchId = await().atMost(TIMEOUT).until(() -> adviser.get("/api/v1/matches?demandId=" + demand).json()
                .valueStream().toList(), list -> !list.isEmpty()).getFirst().get("id").asString();

        try (TopicProbe answers = TopicProbe.on("relocmatch.partner.outcomes.v1");
                TopicProbe dead = TopicProbe.on(INBOX + ".dlq")) {
            JsonNode tooEarly = answer(answers, PARTNER, Map.of("demandId", demand, "supplierSiret", siret, "step", "CONTACT_MADE"));
            assertThat(tooEarly.get("outcome").asString()).isEqualTo("REJECTED");
            assertThat(tooEarly.get("reason").asString()).contains("only an ACCEPTED match");
            assertThat(decide(matchId, Map.of("decision", "ACCEPTED")).status()).isEqualTo(200);

            JsonNode otherPartner = answer(answers, "/partners/someone-else",
                    Map.of("demandId", demand, "supplierSiret", siret, "step", "CONTACT_MADE"));
            assertThat(otherPartner.get("reason").asString()).contains("was not submitted by /partners/someone-else");
            JsonNode unknownSupplier = answer(answers, PARTNER,
                    Map.of("demandId", demand, "supplierSiret", "40123456799999", "step", "CONTACT_MADE"));
            assertThat(unknownSupplier.get("reason").asString()).contains("no match with the supplier of SIRET 40123456799999");
            JsonNode offSchema = answer(answers, PARTNER, Map.of("demandId", demand, "supplierSiret", "123", "step", "LUNCH"));
            assertThat(offSchema.get("reason").asString()).contains("does not match schema");
            assertThat(offSchema.get("errors").findValuesAsString("field")).contains("supplierSiret", "step");
            assertThat(adviser.get("/api/v1/matches/" + matchId).json().get("outcomes").size())
                    .as("nothing recorded by a refused message").isZero();

            String contactId = UUID.randomUUID().toString();
            Map<String, String> contact = Map.of("demandId", demand, "supplierSiret", siret, "step", "CONTACT_MADE");
            JsonNode accepted = answer(answers, PARTNER, contactId, contact);
            JsonNode redelivered = answer(answers, PARTNER, contactId, contact);
            assertThat(accepted.get("outcome").asString()).as(accepted.toString()).isEqualTo("ACCEPTED");
            assertThat(accepted.get("resource").asString()).isEqualTo("match");
            assertThat(accepted.get("resourceId").asString()).isEqualTo(matchId);
            assertThat(redelivered.get("outcome").asString()).isEqualTo("ACCEPTED");
            JsonNode skipping = answer(answers, PARTNER, Map.of("demandId", demand, "supplierSiret", siret,
                    "step", "AGREEMENT_SIGNED"));
            assertThat(skipping.get("reason").asString()).contains("CONTACT_MADE", "AGREEMENT_SIGNED cannot follow");
            JsonNode unexplained = answer(answers, PARTNER, Map.of("demandId", demand, "supplierSiret", siret,
                    "step", "ABANDONED"));
            assertThat(unexplained.get("errors").findValuesAsString("field")).containsExactly("reasonCode");
            JsonNode abandoned = answer(answers, PARTNER, Map.of("demandId", demand, "supplierSiret", siret,
                    "step", "ABANDONED", "reasonCode", "PRICE", "reason", "30 % au-dessus du prix cible"));
            assertThat(abandoned.get("outcome").asString()).as(abandoned.toString()).isEqualTo("ACCEPTED");

            JsonNode match = adviser.get("/api/v1/matches/" + matchId).json();
            assertThat(match.get("outcomes").findValuesAsString("step")).containsExactly("CONTACT_MADE", "ABANDONED");
            assertThat(match.get("outcomes").findValuesAsString("recordedBy")).containsOnly(PARTNER);
            assertThat(match.at("/outcomes/1/reasonCode").asString()).isEqualTo("PRICE");
            for (JsonNode refused : List.of(tooEarly, otherPartner, unknownSupplier, offSchema, skipping, unexplained)) {
                dead.await(r -> refused.get("correlationId").asString().equals(TopicProbe.headers(r).get("ce_id"))
                        && TopicProbe.headers(r).get("x-relocmatch-reason") != null, TIMEOUT);
            }
        }
        assertThat(stepsById(stepsPublished(demand, "ABANDONED")).values()).as("each step once by id")
                .containsExactlyInAnyOrder("CONTACT_MADE", "ABANDONED");
    }

    /** The outcome steps of a demand's matches on the decisions topic, once {@code last} is among them; checked against the contract. */
    private static List<ConsumerRecord<String, String>> stepsPublished(String demand, String last) {
        try (TopicProbe decisions = TopicProbe.on("relocmatch.decisions.v1")) {
            decisions.await(r -> demand.equals(r.key()) && r.value().contains(last), TIMEOUT);
            List<ConsumerRecord<String, String>> steps = decisions.seenToTheEnd(TIMEOUT).stream()
                    .filter(r -> demand.equals(r.key()))
                    .filter(r -> "fr.relocmatch.matching.MatchOutcomeRecorded.v1".equals(TopicProbe.headers(r).get("ce_type")))
                    .toList();
            ContractAssertions.assertConform(steps);
            return steps;
        }
    }

    /** Each step published, by its id ({@code ce_id}). */
    private static Map<String, String> stepsById(List<ConsumerRecord<String, String>> steps) {
        Map<String, String> stepById = new java.util.HashMap<>();
        steps.forEach(r -> stepById.put(TopicProbe.headers(r).get("ce_id"), JsonApi.parse(r.value()).get("step").asString()));
        return stepById;
    }

    /** A partner's message on the match-outcomes inbox, under a new id, and its answer. */
    private JsonNode answer(TopicProbe answers, String partner, Map<String, String> body) {
        return answer(answers, partner, UUID.randomUUID().toString(), body);
    }

    /** A partner's message on the match-outcomes inbox, and the newest answer to its id. */
    private JsonNode answer(TopicProbe answers, String partner, String messageId, Map<String, String> body) {
        long before = answers.seen().stream().filter(r -> messageId.equals(JsonApi.parse(r.value()).path("correlationId")
                .asString(null))).count();
        writer.send(INBOX, body.get("demandId"), JSON.writeValueAsString(body), Map.of("ce_id", messageId, "ce_source", partner,
                "ce_type", "fr.relocmatch.partner.MatchOutcomeSubmitted.v1", "ce_specversion", "1.0",
                "content-type", "application/json"));
        List<JsonNode> mine = await().atMost(TIMEOUT).until(() -> answers.seen().stream().map(r -> JsonApi.parse(r.value()))
                .filter(o -> messageId.equals(o.path("correlationId").asString(null))).toList(), l -> l.size() > before);
        return mine.getLast();
    }

    /**
     * Three demands opened 4, 2 and 10 days ago, four matches, two accepted and two rejected, and
     * outcomes on the accepted ones: the figures of the last 30 days move by what was sent, and no
     * more — computed here from the events, not from the service's parts.
     */
    @Test
    void theFiguresCountWhatTheEventsSaid() {
        LocalDate today = LocalDate.now(FRANCE);
        String period = "/api/v1/programme/figures?from=" + today.minusDays(30) + "&to=" + today;
        JsonNode before = adviser.get(period).json();
        Instant now = Instant.now();

        String springs = UUID.randomUUID().toString();
        String stampings = UUID.randomUUID().toString();
        String moulds = UUID.randomUUID().toString();
        JsonNode springMaker = proposedMatches(springs, "WELDING", 4, List.of("25.11Z")).getFirst();
        List<JsonNode> stampers = proposedMatches(stampings, "STAMPING", 2, List.of("25.50B", "25.50B"));
        JsonNode mouldMaker = proposedMatches(moulds, "TOOLING_MOULDS", 10, List.of("25.73B")).getFirst();

        assertThat(decide(springMaker.get("id").asString(), Map.of("decision", "ACCEPTED")).status()).isEqualTo(200);
        assertThat(decide(stampers.get(0).get("id").asString(), Map.of("decision", "ACCEPTED")).status()).isEqualTo(200);
        assertThat(decide(stampers.get(1).get("id").asString(), Map.of("decision", "REJECTED", "reasonCode", "PRICE"))
                .status()).isEqualTo(200);
        assertThat(decide(mouldMaker.get("id").asString(), Map.of("decision", "REJECTED", "reasonCode", "CAPACITY"))
                .status()).isEqualTo(200);
        for (String step : List.of("CONTACT_MADE", "QUOTE_SENT", "AGREEMENT_SIGNED")) {
            assertThat(outcome(springMaker, Map.of("step", step))).isEqualTo(200);
        }
        assertThat(outcome(stampers.get(0), Map.of("step", "CONTACT_MADE"))).isEqualTo(200);
        assertThat(outcome(stampers.get(0), Map.of("step", "ABANDONED", "reasonCode", "PRICE"))).isEqualTo(200);

        JsonNode after = adviser.get(period).json();

        assertThat(after.get("region").asString()).isEqualTo("28");
        assertThat(delta(before, after, "/demandsOpened")).isEqualTo(3);
        assertThat(delta(before, after, "/matchesProposed")).isEqualTo(4);
        assertThat(delta(before, after, "/accepted")).isEqualTo(2);
        assertThat(delta(before, after, "/rejected")).isEqualTo(2);
        assertThat(delta(before, after, "/rejectedByReason/PRICE")).isEqualTo(1);
        assertThat(delta(before, after, "/rejectedByReason/CAPACITY")).isEqualTo(1);
        assertThat(delta(before, after, "/rejectedByReason/OTHER")).isZero();
        assertThat(delta(before, after, "/outcomeSteps/CONTACT_MADE")).isEqualTo(2);
        assertThat(delta(before, after, "/outcomeSteps/QUOTE_SENT")).isEqualTo(1);
        assertThat(delta(before, after, "/outcomeSteps/ABANDONED")).isEqualTo(1);
        assertThat(delta(before, after, "/agreements")).isEqualTo(1);
        // the welding demand's 12 000 pieces a year, process family METAL, supplier of NAF division 25
        assertThat(metalPiecesFromDivision25(after) - metalPiecesFromDivision25(before)).isEqualTo(12_000);
        // first acceptances 4 and 2 days after opening: this instance saw no other
        assertThat(before.get("demandsFirstAccepted").asLong()).isZero();
        assertThat(after.get("demandsFirstAccepted").asLong()).isEqualTo(2);
        double expectedMedian = (Duration.between(now.minus(4, ChronoUnit.DAYS), Instant.now()).toMinutes()
                + Duration.between(now.minus(2, ChronoUnit.DAYS), Instant.now()).toMinutes()) / 2.0 / (24 * 60);
        assertThat(after.get("medianDaysToFirstAcceptance").asDouble()).isCloseTo(expectedMedian,
                org.assertj.core.data.Offset.offset(0.1));

        JsonApi.Response backwards = adviser.get("/api/v1/programme/figures?from=" + today + "&to=" + today.minusDays(1));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").findValuesAsString("field")).containsExactly("from", "to");
        assertThat(adviser.get("/api/v1/programme/figures?from=yesterday").status()).isEqualTo(400);
    }

    /** The annual volume relocated of process family METAL, suppliers of NAF division 25, in pieces. */
    private static double metalPiecesFromDivision25(JsonNode figures) {
        return figures.get("volumeRelocated").valueStream().filter(v -> v.get("processFamily").asString().equals("METAL")
                && v.get("nafDivision").asString().equals("25") && v.get("unit").asString().equals("PIECES"))
                .mapToDouble(v -> v.get("annualQuantity").asDouble()).sum();
    }

    private static long delta(JsonNode before, JsonNode after, String pointer) {
        return after.at(pointer).asLong() - before.at(pointer).asLong();
    }

    private int outcome(JsonNode match, Map<String, String> body) {
        return adviser.post("/api/v1/matches/" + match.get("id").asString() + "/outcomes", body).status();
    }

    private JsonApi.Response decide(String matchId, Map<String, String> body) {
        return adviser.post("/api/v1/matches/" + matchId + "/decision", body);
    }

    /**
     * A demand for 12 000 pieces a year of {@code process}, opened {@code openedDaysAgo} days ago
     * (negative: sent without the date, as before demands carried it, so that the figures test counts
     * only its own), and one supplier in Rouen per NAF code given: their matches, once all are proposed.
     */
    private List<JsonNode> proposedMatches(String demand, String process, int openedDaysAgo, List<String> nafCodes) {
        for (String naf : nafCodes) {
            events.company(UUID.randomUUID().toString(), 0, "Atelier " + process, List.of(process), ROUEN_LAT, ROUEN_LON,
                    ",\"nafCode\":\"" + naf + "\"");
        }
        String opened = openedDaysAgo < 0 ? "" : ",\"openedAt\":\"" + Instant.now().minus(openedDaysAgo, ChronoUnit.DAYS) + "\"";
        events.demand(demand, 0, "OPEN", List.of(process), 60, opened + ",\"annualVolume\":{\"quantity\":12000,\"unit\":\"PIECES\"}");
        return await().atMost(TIMEOUT).until(() -> adviser.get("/api/v1/matches?demandId=" + demand).json().valueStream().toList(),
                list -> list.size() == nafCodes.size());
    }
}
