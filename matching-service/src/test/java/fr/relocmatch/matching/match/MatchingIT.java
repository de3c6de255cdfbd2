package fr.relocmatch.matching.match;

import fr.relocmatch.testinfra.ContractAssertions;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import fr.relocmatch.state.events.UnreadableRecordException;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TestIssuer;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.TopicProbe;
import fr.relocmatch.testinfra.TopicWriter;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchingIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final double ROUEN_LAT = 49.4435;
    private static final double ROUEN_LON = 1.10006;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    FreshnessReminders reminders;

    @Autowired
    BindingServiceProperties bindings;

    private TopicWriter writer;
    private MatchingEvents events;
    private TopicProbe matches;
    private JsonApi api;

    @BeforeAll
    void connect() {
        writer = TopicWriter.onSharedBroker();
        events = new MatchingEvents(writer);
        matches = TopicProbe.on(MatchingEvents.MATCHES);
    }

    @AfterAll
    void disconnect() {
        writer.close();
        matches.close();
    }

    @BeforeEach
    void client() {
        api = SharedInfrastructure.get().api(port);
    }

    @Test
    void proposesSupplierForANewDemandWithScoreAndExplanation() {
        String company = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        events.company(company, 0, "Tissages de Normandie", List.of("WEAVING", "HOME_TEXTILES"), 49.2869, 1.0084, "");
        events.demand(demand, 0, "OPEN", List.of("WEAVING", "HOME_TEXTILES"), 80);

        JsonNode match = awaitMatches(demand, 1).get(0);
        assertThat(match.get("companyName").asString()).isEqualTo("Tissages de Normandie");
        assertThat(match.get("status").asString()).isEqualTo("PROPOSED");
        // 19 km of 80 (0.765 × 0.25), no label (0 × 0.05), confirmed now (1 × 0.05): 0.689
        assertThat(match.get("score").asDouble()).isCloseTo(0.689, Assertions.within(0.01));
        assertThat(match.get("explanation").findValuesAsString("name")).containsExactly("distance", "labels", "freshness");

        ConsumerRecord<String, String> event = matches.await(r -> demand.equals(r.key()), TIMEOUT);
        assertThat(TopicProbe.headers(event)).containsEntry("ce_type", "fr.relocmatch.matching.MatchProposed.v1")
                .as("how the sender finds its send's future stays in the service").doesNotContainKey("kafka_futureToken");
        JsonNode body = JsonApi.parse(event.value());
        assertThat(body.get("supplierAdviserEmail").asString()).isEqualTo("pme@normandie.cci.fr");
        assertThat(body.get("demandAdviserEmail").asString()).isEqualTo("grands-comptes@normandie.cci.fr");
        assertThat(body.get("demandTitle").asString()).isEqualTo("Linge de bain en coton");
        // what each note says travels with it, so that every reader writes it in its own language
        JsonNode distance = body.get("explanation").get(0);
        assertThat(distance.get("noteKey").asString()).isEqualTo("distance.radius");
        assertThat(distance.get("facts").get("maxKm").asString()).isEqualTo("80");
        assertThat(api.get("/api/v1/matches?demandId=" + demand + "&lang=fr").json().get(0).get("explanation")
                .findValuesAsString("note")).containsExactly("19 km sur 80 km autorisés", "aucun label", "profil confirmé ce mois-ci");
        assertThat(api.get("/api/v1/matches?demandId=" + demand + "&lang=de").status()).isEqualTo(400);
    }

    @Test
    void gatesOnCertificationsValidAtTheStartDateAndExplainsEveryPart() {
        String certified = UUID.randomUUID().toString();
        String expired = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        LocalDate start = LocalDate.now().plusMonths(3);
        events.company(certified, 0, "Dispositifs Médicaux de Rouen", List.of("MEDICAL_DEVICES"), ROUEN_LAT, ROUEN_LON,
                ",\"nafCode\":\"32.50A\",\"labels\":[\"OFG\"],\"sectors\":[\"MEDICAL_DEVICES\"],"
                        + "\"capacity\":{\"annualQuantity\":500000,\"unit\":\"PIECES\",\"availablePercent\":20},"
                        + "\"certifications\":[{\"code\":\"ISO13485\",\"validUntil\":\"" + start.plusMonths(6) + "\"}]");
        events.company(expired, 0, "Atelier Périmé", List.of("MEDICAL_DEVICES"), ROUEN_LAT, ROUEN_LON,
                ",\"certifications\":[{\"code\":\"ISO13485\",\"validUntil\":\"" + start.minusDays(1) + "\"}]");
        events.demand(demand, 0, "OPEN", List.of("MEDICAL_DEVICES"), 40,
                ",\"requiredCertifications\":[\"ISO13485\"],\"startDate\":\"" + start + "\",\"sector\":\"MEDICAL_DEVICES\","
                        + "\"targetNafCodes\":[\"32.50\"],\"annualVolume\":{\"quantity\":50000,\"unit\":\"PIECES\"}");

        JsonNode match = awaitMatches(demand, 1).get(0);
        await().during(Duration.ofMillis(500)).atMost(TIMEOUT).until(() -> matchesOf(demand).size() == 1);
        assertThat(match.get("companyId").asString()).isEqualTo(certified);
        assertThat(match.get("explanation").findValuesAsString("name")).containsExactly("nafProximity", "capacity",
                "distance", "sector", "labels", "freshness", "certifications");
        assertThat(match.get("explanation").findValuesAsString("note"))
                .contains("ISO13485 expires " + start.plusMonths(6) + ", before a year of production",
                        "available capacity 2.0× the annual volume", "32.50A within target 32.50");
    }

    @Test
    void matchesANewSupplierAgainstOpenDemandsInTheOtherDirection() {
        String demand = UUID.randomUUID().toString();
        String company = UUID.randomUUID().toString();
        events.demand(demand, 0, "OPEN", List.of("KNITTING"), 50);
        await().during(Duration.ofMillis(500)).atMost(TIMEOUT).until(() -> matchesOf(demand).isEmpty());

        events.company(company, 0, "Maille de Rouen", List.of("KNITTING"), ROUEN_LAT, ROUEN_LON, "");

        assertThat(awaitMatches(demand, 1).get(0).get("companyId").asString()).isEqualTo(company);
    }

    @Test
    void ignoresRedeliveredAndOlderSnapshotsWithoutASecondEvent() {
        String company = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        events.company(company, 3, "Atelier Redit", List.of("CUT_AND_SEW"), ROUEN_LAT, ROUEN_LON, "");
        events.demand(demand, 0, "OPEN", List.of("CUT_AND_SEW"), 30);
        matches.await(r -> demand.equals(r.key()), TIMEOUT);

        events.company(company, 3, "Atelier Redit", List.of("CUT_AND_SEW"), ROUEN_LAT, ROUEN_LON, "");
        events.company(company, 2, "Atelier Redit (ancien)", List.of("CUT_AND_SEW"), ROUEN_LAT, ROUEN_LON, "");
        events.demand(demand, 0, "OPEN", List.of("CUT_AND_SEW"), 30);
        // A later, unrelated change proves the earlier records were consumed before we count.
        String marker = UUID.randomUUID().toString();
        events.demand(marker, 0, "OPEN", List.of("CUT_AND_SEW"), 30);
        matches.await(r -> marker.equals(r.key()), TIMEOUT);

        assertThat(matches.seen().stream().filter(r -> demand.equals(r.key()))).hasSize(1);
        assertThat(matchesOf(demand).get(0).get("companyName").asString()).isEqualTo("Atelier Redit");
    }

    @Test
    void withdrawsTheMatchWhenTheSupplierMovesOutOfRangeAndProposesItAgainWhenItComesBack() {
        String company = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        events.company(company, 0, "Atelier Mobile", List.of("DYEING_FINISHING"), ROUEN_LAT, ROUEN_LON, "");
        events.demand(demand, 0, "OPEN", List.of("DYEING_FINISHING"), 40);
        awaitMatches(demand, 1);

        events.company(company, 1, "Atelier Mobile", List.of("DYEING_FINISHING"), 50.63046, 3.07134, "");

        ConsumerRecord<String, String> withdrawn = matches.await(r -> demand.equals(r.key())
                && "fr.relocmatch.matching.MatchWithdrawn.v1".equals(TopicProbe.headers(r).get("ce_type")), TIMEOUT);
        assertThat(JsonApi.parse(withdrawn.value()).get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(matchesOf(demand).get(0).get("status").asString()).isEqualTo("WITHDRAWN");

        events.company(company, 2, "Atelier Mobile", List.of("DYEING_FINISHING"), ROUEN_LAT, ROUEN_LON, "");
        await().atMost(TIMEOUT).until(() -> "PROPOSED".equals(matchesOf(demand).get(0).get("status").asString()));
    }

    @Test
    void aSupplierMarkedNotInterestedInTheKindOfDemandIsWithdrawnAndProposedAgainWhenTheMarkGoes() {
        String company = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        events.company(company, 0, "Atelier Réticent", List.of("ENAMELLING"), ROUEN_LAT, ROUEN_LON, "");
        events.demand(demand, 0, "OPEN", List.of("ENAMELLING"), 40);
        awaitMatches(demand, 1);

        events.company(company, 1, "Atelier Réticent", List.of("ENAMELLING"), ROUEN_LAT, ROUEN_LON,
                ",\"notInterestedIn\":[{\"process\":\"ENAMELLING\",\"sector\":null,\"since\":\"2026-11-30\"}]");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            JsonNode match = matchesOf(demand).get(0);
            assertThat(match.get("status").asString()).isEqualTo("WITHDRAWN");
            assertThat(match.get("reason").asString())
                    .contains("its adviser marked it not interested in demands requiring ENAMELLING");
        });

        events.company(company, 2, "Atelier Réticent", List.of("ENAMELLING"), ROUEN_LAT, ROUEN_LON, ",\"notInterestedIn\":[]");
        await().atMost(TIMEOUT).until(() -> "PROPOSED".equals(matchesOf(demand).get(0).get("status").asString()));
    }

    @Test
    void remindsOncePerMonthOfAStaleProfileAndOfACertificateExpiringBeforeAnOpenDemandItWouldOtherwiseGet() {
        LocalDate today = LocalDate.now();
        String stale = UUID.randomUUID().toString();
        String expiring = UUID.randomUUID().toString();
        String farAway = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        String certificate = ",\"certifications\":[{\"code\":\"ISO13485\",\"validUntil\":\"" + today.plusDays(30) + "\"}]";
        events.company(stale, 0, "Atelier Oublié", List.of("GILDING"), ROUEN_LAT, ROUEN_LON,
                ",\"lastConfirmedAt\":\"" + today.minusMonths(13) + "T08:00:00Z\"");
        events.company(expiring, 0, "Atelier Certifié", List.of("STERILE_PACKING"), ROUEN_LAT, ROUEN_LON, certificate);
        events.company(farAway, 0, "Atelier Lointain", List.of("STERILE_PACKING"), 43.6, 3.9, certificate);
        events.demand(demand, 0, "OPEN", List.of("STERILE_PACKING"), 40, ",\"requiredCertifications\":[\"ISO13485\"],"
                + "\"title\":\"Compresses stériles\",\"startDate\":\"" + today.plusDays(90) + "\"");

        try (TopicProbe reminded = TopicProbe.on("relocmatch.reminders.v1")) {
            // looking again is harmless (once a month): until both profiles and the demand have been taken in
            await().atMost(TIMEOUT).until(() -> {
                reminders.remind(today);
                return reminded.seen().stream().map(ConsumerRecord::key).collect(Collectors.toSet()).containsAll(Set.of(stale, expiring));
            });
            assertThat(reminders.remind(today)).as("nothing more this month").isZero();

            JsonNode unconfirmed = JsonApi.parse(reminded.await(r -> stale.equals(r.key()), TIMEOUT).value());
            assertThat(unconfirmed.get("kind").asString()).isEqualTo("PROFILE_UNCONFIRMED");
            assertThat(unconfirmed.get("period").asString()).isEqualTo(java.time.YearMonth.from(today).toString());
            assertThat(unconfirmed.get("lastConfirmedOn").asString()).isEqualTo(today.minusMonths(13).toString());
            assertThat(unconfirmed.get("supplierAdviserEmail").asString()).isEqualTo("pme@normandie.cci.fr");
            JsonNode certificateDue = JsonApi.parse(reminded.await(r -> expiring.equals(r.key()), TIMEOUT).value());
            assertThat(certificateDue.get("kind").asString()).isEqualTo("CERTIFICATE_EXPIRING");
            assertThat(certificateDue.get("certification").asString()).isEqualTo("ISO13485");
            assertThat(certificateDue.get("validUntil").asString()).isEqualTo(today.plusDays(30).toString());
            assertThat(certificateDue.at("/demands/0/demandId").asString()).isEqualTo(demand);
            assertThat(certificateDue.at("/demands/0/title").asString()).isEqualTo("Compresses stériles");
            assertThat(reminded.seen().stream().filter(r -> Set.of(stale, expiring, farAway).contains(r.key())))
                    .as("once each; the far-away supplier fails the radius whatever its certificate").hasSize(2);
            assertThat(ContractAssertions.assertConform(reminded.seen())).isGreaterThanOrEqualTo(2);

            assertThat(reminders.remind(today.plusMonths(1))).as("next month, again").isGreaterThanOrEqualTo(2);
            await().atMost(TIMEOUT).until(() -> reminded.seen().stream().filter(r -> stale.equals(r.key())).count() == 2);
        }
    }

    @Test
    void withdrawsTheMatchesOfAProfileThatWithdrawsConsentOrIsDeleted() {
        String consenting = UUID.randomUUID().toString();
        String deleted = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        twoNeighboursForADemand(consenting, "Atelier Consentant", deleted, "Atelier Supprimé", "GLASS_FORMING", demand, "");

        // a later field wins in JSON: consent withdrawn
        events.company(consenting, 1, "Atelier Consentant", List.of("GLASS_FORMING"), ROUEN_LAT, ROUEN_LON,
                ",\"matchingConsent\":false");
        events.companyDeleted(deleted);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(matchesOf(demand).stream()
                .map(m -> m.get("status").asString())).containsOnly("WITHDRAWN").hasSize(2));
    }

    @Test
    void aDemandThatEndsWithdrawsItsProposalsAndTellsItsAcceptedMatchOnce() {
        String accepted = UUID.randomUUID().toString();
        String proposed = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        List<JsonNode> matches = twoNeighboursForADemand(accepted, "Atelier Retenu", proposed, "Atelier Proposé",
                "SADDLERY", demand, "");
        String acceptedId = matches.stream().filter(m -> accepted.equals(m.get("companyId").asString())).findFirst()
                .orElseThrow().get("id").asString();
        assertThat(SharedInfrastructure.get().api(port, TestIssuer.ADVISER_28).post("/api/v1/matches/" + acceptedId
                + "/decision", Map.of("decision", "ACCEPTED")).status()).isEqualTo(200);

        try (TopicProbe told = TopicProbe.on("relocmatch.matches.v1")) {
            events.demand(demand, 1, "FULFILLED", List.of("SADDLERY"), 40);

            await().atMost(TIMEOUT).untilAsserted(() -> {
                Map<String, JsonNode> byCompany = matchesOf(demand).stream()
                        .collect(Collectors.toMap(m -> m.get("companyId").asString(), m -> m));
                assertThat(byCompany.get(proposed).get("status").asString()).isEqualTo("WITHDRAWN");
                assertThat(byCompany.get(proposed).get("reason").asString()).isEqualTo("the demand was fulfilled");
                assertThat(byCompany.get(proposed).get("demandClosed").asString()).isEqualTo("FULFILLED");
                assertThat(byCompany.get(accepted).get("status").asString()).isEqualTo("ACCEPTED");
                assertThat(byCompany.get(accepted).get("demandClosed").asString()).isEqualTo("FULFILLED");
            });
            ConsumerRecord<String, String> update = told.await(r -> demand.equals(r.key())
                    && acceptedId.equals(JsonApi.parse(r.value()).get("matchId").asString())
                    && JsonApi.parse(r.value()).hasNonNull("demandClosed"), TIMEOUT);
            assertThat(TopicProbe.headers(update)).containsEntry("ce_type", "fr.relocmatch.matching.MatchUpdated.v1");
            assertThat(JsonApi.parse(update.value()).get("demandClosed").asString()).isEqualTo("FULFILLED");

            // the same end again (a redelivery, a later version): nothing more goes out
            events.demand(demand, 1, "FULFILLED", List.of("SADDLERY"), 40);
            events.demand(demand, 2, "FULFILLED", List.of("SADDLERY"), 40);
            events.demand(demand, 3, "FULFILLED", List.of("SADDLERY"), 40);
            // version 3 taken in: the records before it, in the same partition, have been handled whole
            await().atMost(TIMEOUT).until(() -> mongo.findById(demand, ProgrammeDemand.class), d -> d != null && d.version() == 3);
            assertThat(told.seen().stream().filter(r -> demand.equals(r.key()) && r.value() != null
                    && JsonApi.parse(r.value()).hasNonNull("demandClosed"))).as("one event per match").hasSize(2);
        }
    }

    @Test
    void readsSnapshotsCarryingFieldsItDoesNotKnow() {
        String company = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        events.company(company, 0, "Atelier Futur", List.of("FOOTWEAR"), ROUEN_LAT, ROUEN_LON,
                ",\"carbonFootprint\":{\"kgCo2PerUnit\":1.2},\"labels\":[\"OFG\"]");
        events.demand(demand, 0, "OPEN", List.of("FOOTWEAR"), 40);

        assertThat(awaitMatches(demand, 1).get(0).get("companyName").asString()).isEqualTo("Atelier Futur");
    }

    @Test
    void sendsAnUnreadableSnapshotToTheDeadLetterTopicAndKeepsConsuming() {
        String key = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.on("relocmatch.matching.dlq.v1")) {
            events.raw(MatchingEvents.COMPANIES, key, "{\"companyId\": \"" + key + "\", \"version\": \"not a number\"");

            ConsumerRecord<String, String> dead = deadLetters.await(r -> key.equals(r.key()), TIMEOUT);
            assertThat(TopicProbe.headers(dead)).containsKeys("x-exception-message", "x-original-topic");
        }
        // The partition is not stuck: the next snapshot still gets matched.
        proposesSupplierForANewDemandWithScoreAndExplanation();
    }

    /** A record no retry can mend goes to the dead-letter topic at once, its reason naming what is missing. */
    @Test
    void deadLettersASnapshotWithoutIdentityAtOnceNamingWhatIsMissing() {
        String key = UUID.randomUUID().toString();
        try (TopicProbe deadLetters = TopicProbe.on("relocmatch.matching.dlq.v1")) {
            events.raw(MatchingEvents.COMPANIES, key, "{\"name\": \"Atelier sans identité\"}");

            ConsumerRecord<String, String> dead = deadLetters.await(r -> key.equals(r.key()), TIMEOUT);
            assertThat(TopicProbe.headers(dead).get("x-exception-message")).contains("missing companyId, version");
        }
        assertThat(bindings.getBindingProperties("companies-in-0").getConsumer().getRetryableExceptions())
                .as("not retried").containsEntry(UnreadableRecordException.class, false);
        assertThat(bindings.getBindingProperties("demands-in-0").getConsumer().getRetryableExceptions())
                .containsEntry(UnreadableRecordException.class, false);
    }

    @Test
    void aRejectedPairIsPublishedAsADecisionAndNeverProposedAgain() {
        String company = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        events.company(company, 0, "Atelier Refusé", List.of("SPINNING"), 49.30, 1.00, "");
        events.demand(demand, 0, "OPEN", List.of("SPINNING"), 60);
        String matchId = awaitMatches(demand, 1).get(0).get("id").asString();

        JsonApi.Response rejected = api.post("/api/v1/matches/" + matchId + "/decision",
                Map.of("decision", "REJECTED", "reasonCode", "CAPACITY", "reason", "capacité insuffisante"));

        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        try (TopicProbe decisions = TopicProbe.on("relocmatch.decisions.v1")) {
            ConsumerRecord<String, String> decision = decisions.await(r -> demand.equals(r.key()), TIMEOUT);
            assertThat(TopicProbe.headers(decision)).containsEntry("ce_type", "fr.relocmatch.matching.MatchDecided.v1");
            JsonNode body = JsonApi.parse(decision.value());
            assertThat(body.get("decision").asString()).isEqualTo("REJECTED");
            assertThat(body.get("matchId").asString()).isEqualTo(matchId);
            assertThat(body.get("reason").asString()).isEqualTo("capacité insuffisante");
        }

        // The supplier moves next door and the demand changes: still rejected, never proposed again.
        events.company(company, 1, "Atelier Refusé", List.of("SPINNING"), ROUEN_LAT, ROUEN_LON, "");
        events.demand(demand, 1, "OPEN", List.of("SPINNING"), 80);
        String marker = UUID.randomUUID().toString();
        events.demand(marker, 0, "OPEN", List.of("SPINNING"), 60);
        matches.await(r -> marker.equals(r.key()), TIMEOUT);
        assertThat(matchesOf(demand)).singleElement().satisfies(m -> assertThat(m.get("status").asString()).isEqualTo("REJECTED"));
        assertThat(matches.seen().stream().filter(r -> demand.equals(r.key()))
                .map(r -> TopicProbe.headers(r).get("ce_type"))).containsOnlyOnce("fr.relocmatch.matching.MatchProposed.v1");
        // every match event and decision published so far, against docs/asyncapi.yaml's schemas
        ContractAssertions.assertConform(matches.seen());
        try (TopicProbe decisions = TopicProbe.on("relocmatch.decisions.v1")) {
            decisions.await(r -> demand.equals(r.key()), TIMEOUT);
            ContractAssertions.assertConform(decisions.seen());
        }
    }

    @Test
    void acceptsADecisionOnceAndExplainsBadDecisions() {
        String company = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        events.company(company, 0, "Atelier Choisi", List.of("TECHNICAL_TEXTILES"), ROUEN_LAT, ROUEN_LON, "");
        events.demand(demand, 0, "OPEN", List.of("TECHNICAL_TEXTILES"), 60);
        String matchId = awaitMatches(demand, 1).get(0).get("id").asString();

        JsonApi demandAdviser = SharedInfrastructure.get().api(port, TestIssuer.ADVISER_28);
        JsonApi.Response noReason = demandAdviser.post("/api/v1/matches/" + matchId + "/decision",
                Map.of("decision", "REJECTED"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsString("field")).containsExactly("reasonCode");

        // who decides is the token's person, never a body field
        JsonApi.Response impersonating = demandAdviser.post("/api/v1/matches/" + matchId + "/decision",
                Map.of("decision", "ACCEPTED", "decidedBy", "chef@normandie.cci.fr"));
        assertThat(impersonating.status()).isEqualTo(400);
        assertThat(impersonating.json().get("errors").findValuesAsString("field")).containsExactly("decidedBy");
        assertThat(api.get("/api/v1/matches/" + matchId).json().get("status").asString()).isEqualTo("PROPOSED");

        JsonApi.Response accepted = demandAdviser.post("/api/v1/matches/" + matchId + "/decision",
                Map.of("decision", "ACCEPTED"));
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().get("decidedBy").asString()).isEqualTo("grands-comptes@normandie.cci.fr");
        assertThat(accepted.json().get("decidedAt").asString()).isNotBlank();
        assertThat(api.get("/api/v1/matches/" + matchId).json().get("decidedBy").asString())
                .isEqualTo("grands-comptes@normandie.cci.fr");
        assertThat(api.post("/api/v1/matches/" + matchId + "/decision",
                Map.of("decision", "REJECTED", "reasonCode", "OTHER", "reason", "changed my mind")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/matches/" + UUID.randomUUID() + "/decision",
                Map.of("decision", "ACCEPTED")).status()).isEqualTo(404);
        JsonApi.Response maybe = api.post("/api/v1/matches/" + matchId + "/decision",
                Map.of("decision", "MAYBE"));
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(maybe.json().at("/errors/0/field").asString()).isEqualTo("decision");
        assertThat(maybe.json().at("/errors/0/message").asString()).as("no Java class in a client's answer")
                .isEqualTo("'MAYBE' is not one of ACCEPTED, REJECTED").doesNotContain("fr.relocmatch");
    }

    @Test
    void namesAConfidentialBuyerOnTheAcceptedMatchOnceDemandServiceDisclosesIt() {
        String chosen = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        List<JsonNode> proposed = twoNeighboursForADemand(chosen, "Atelier Élu", other, "Atelier Voisin", "WOODWORKING",
                demand, ",\"confidential\":true,\"buyerName\":null");
        assertThat(proposed).allSatisfy(m -> assertThat(m.get("buyerName").isNull()).isTrue());
        String matchId = proposed.stream().filter(m -> chosen.equals(m.get("companyId").asString())).findFirst()
                .orElseThrow().get("id").asString();
        assertThat(api.post("/api/v1/matches/" + matchId + "/decision",
                Map.of("decision", "ACCEPTED")).status()).isEqualTo(200);

        // demand-service's answer to the acceptance: the buyer named for that match only
        events.demand(demand, 1, "IN_DISCUSSION", List.of("WOODWORKING"), 60, ",\"confidential\":true,\"buyerName\":null,"
                + "\"disclosures\":[{\"matchId\":\"" + matchId + "\",\"companyId\":\"" + chosen
                + "\",\"buyerName\":\"Maison Secrète SA\"}]");

        ConsumerRecord<String, String> disclosed = matches.await(r -> demand.equals(r.key())
                && "fr.relocmatch.matching.MatchBuyerDisclosed.v1".equals(TopicProbe.headers(r).get("ce_type")), TIMEOUT);
        assertThat(JsonApi.parse(disclosed.value()).get("companyId").asString()).isEqualTo(chosen);
        assertThat(api.get("/api/v1/matches/" + matchId).json().get("buyerName").asString()).isEqualTo("Maison Secrète SA");
        assertThat(matchesOf(demand).stream().filter(m -> other.equals(m.get("companyId").asString())).findFirst()
                .orElseThrow().get("buyerName").isNull()).isTrue();
    }

    @Test
    void answersAProblemWhenNeitherOrBothFiltersAreGiven() {
        assertThat(api.get("/api/v1/matches").status()).isEqualTo(400);
        JsonApi.Response both = api.get("/api/v1/matches?demandId=a&companyId=b");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.json().get("errors").findValuesAsString("field")).containsExactly("demandId", "companyId");
        assertThat(api.get("/api/v1/matches/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private List<JsonNode> matchesOf(String demandId) {
        JsonApi.Response response = api.get("/api/v1/matches?demandId=" + demandId);
        assertThat(response.status()).isEqualTo(200);
        return response.json().valueStream().toList();
    }

    @Test
    void listsProposedMatchesByRankAndClosesTheGapARejectionLeaves() {
        String demand = UUID.randomUUID().toString();
        for (int i = 0; i < 4; i++) { // four identical glassworks: equal scores, ranks by id
            events.company(UUID.randomUUID().toString(), 0, "Verrerie " + i, List.of("TECHNICAL_CERAMICS"), ROUEN_LAT,
                    ROUEN_LON, "");
        }
        events.demand(demand, 0, "OPEN", List.of("TECHNICAL_CERAMICS"), 60);
        List<JsonNode> matches = await().atMost(TIMEOUT).until(() -> matchesOf(demand), list -> list.stream()
                .map(m -> m.get("rank").asInt()).collect(Collectors.toSet()).equals(Set.of(1, 2, 3, 4)));
        assertThat(matches).extracting(m -> m.get("rank").asInt()).containsExactly(1, 2, 3, 4);

        String first = matches.getFirst().get("id").asString();
        assertThat(api.post("/api/v1/matches/" + first + "/decision", Map.of("decision", "REJECTED",
                "reasonCode", "ALREADY_A_SUPPLIER")).status()).isEqualTo(200);

        List<JsonNode> after = await().atMost(TIMEOUT).until(() -> matchesOf(demand), list -> list.stream()
                .filter(m -> "PROPOSED".equals(m.get("status").asString())).map(m -> m.get("rank").asInt()).toList()
                .equals(List.of(1, 2, 3)));
        assertThat(after).extracting(m -> m.get("status").asString()).containsExactly("PROPOSED", "PROPOSED", "PROPOSED",
                "REJECTED");
    }

    private List<JsonNode> awaitMatches(String demandId, int count) {
        return await().atMost(TIMEOUT).until(() -> matchesOf(demandId), list -> list.size() >= count);
    }

    /** Two suppliers in Rouen offering the process, and an open demand for it 60 km around: both proposed. */
    private List<JsonNode> twoNeighboursForADemand(String first, String firstName, String second, String secondName,
            String process, String demand, String demandExtraJson) {
        events.company(first, 0, firstName, List.of(process), ROUEN_LAT, ROUEN_LON, "");
        events.company(second, 0, secondName, List.of(process), ROUEN_LAT, ROUEN_LON, "");
        events.demand(demand, 0, "OPEN", List.of(process), 60, demandExtraJson);
        return awaitMatches(demand, 2);
    }
}
