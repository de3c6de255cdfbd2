package fr.relocmatch.company.profile;

import java.util.List;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.ContractAssertions;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.TopicProbe;
import fr.relocmatch.testinfra.TopicWriter;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner publishes profiles on the companies inbox with a plain Kafka producer: accepted ones
 * become ordinary profiles, rejected ones are dead-lettered with the reason, and either way the
 * partner reads an outcome it can correlate by its {@code ce_id}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"relocmatch.relay.interval=PT0.5S", "relocmatch.relay.grace=PT1S"})
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerCompanyInboxIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String INBOX = "relocmatch.partner.companies.v1";
    private static final String PARTNER = "/partners/bpifrance";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    CompanyRepository repository;

    private TopicWriter writer;
    private TopicProbe outcomes;
    private TopicProbe deadLetters;
    @Autowired
    private MeterRegistry meters;

    @BeforeAll
    void open() {
        writer = TopicWriter.onSharedBroker();
        outcomes = TopicProbe.on("relocmatch.partner.outcomes.v1");
        deadLetters = TopicProbe.on(INBOX + ".dlq");
    }

    @AfterAll
    void close() {
        writer.close();
        outcomes.close();
        deadLetters.close();
    }

    @Test
    void anAcceptedProfileBecomesAnOrdinaryProfileAndThePartnerIsTold() {
        Map<String, Object> profile = Companies.textileSmeInNormandy();
        String messageId = publish(JSON.writeValueAsString(profile));

        JsonNode outcome = outcomeOf(messageId);
        assertThat(outcome.get("outcome").asString()).isEqualTo("ACCEPTED");
        assertThat(outcome.get("resource").asString()).isEqualTo("company");
        assertThat(outcome.get("source").asString()).isEqualTo(PARTNER);
        String id = outcome.get("resourceId").asString();
        JsonNode stored = SharedInfrastructure.get().api(port).get("/api/v1/companies/" + id).json();
        assertThat(stored.get("siret").asString()).isEqualTo(profile.get("siret"));
        assertThat(stored.at("/site/communeName").asString()).isEqualTo("Rouen");

        // Published again (a partner re-sync): the same profile is updated, not duplicated.
        profile.put("headcount", 60);
        JsonNode again = outcomeOf(publish(JSON.writeValueAsString(profile)));
        assertThat(again.get("resourceId").asString()).isEqualTo(id);
        assertThat(repository.findById(id).orElseThrow().getHeadcount()).isEqualTo(60);
        assertThat(repository.findBySiret((String) profile.get("siret"))).isPresent();
    }

    @Test
    void aProfileBreakingTheSchemaIsDeadLetteredWithItsFieldsAndOriginAndThePartnerIsTold() {
        Map<String, Object> profile = Companies.textileSmeInNormandy();
        profile.remove("siret");
        profile.put("matchingConsent", "yes");
        String messageId = publish(JSON.writeValueAsString(profile));

        JsonNode outcome = outcomeOf(messageId);
        assertThat(outcome.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(outcome.get("reason").asString()).contains("schema");
        assertThat(outcome.get("errors").findValuesAsString("field")).contains("siret", "matchingConsent");

        ConsumerRecord<String, String> dead = deadLetterOf(messageId);
        Map<String, String> headers = TopicProbe.headers(dead);
        assertThat(headers).containsEntry("ce_source", PARTNER).containsEntry("x-original-topic", INBOX)
                .containsKeys("x-original-partition", "x-original-offset", "x-relocmatch-reason", "x-relocmatch-errors");
        assertThat(headers.get("x-original-offset")).isEqualTo(outcome.get("offset").asString());
        assertThat(headers).as("the partner's headers come back untouched, with ours and nothing else")
                .containsEntry("content-type", "application/json")
                .containsEntry("ce_type", "fr.relocmatch.partner.CompanyProfileSubmitted.v1")
                .containsEntry("ce_specversion", "1.0").containsEntry("ce_id", messageId)
                .containsOnlyKeys("ce_id", "ce_source", "ce_type", "ce_specversion", "content-type", "x-original-topic",
                        "x-original-partition", "x-original-offset", "x-relocmatch-reason", "x-relocmatch-errors",
                        // the trace of its processing (W3C trace context), for an operator asked about it
                        "traceparent");
        assertThat(dead.value()).as("the original body, untouched").isEqualTo(JSON.writeValueAsString(profile));
    }

    @Test
    void aProfileBreakingADomainRuleIsRejectedAsTheRestApiWouldAndNothingIsStored() {
        Map<String, Object> profile = Companies.textileSmeInNormandy();
        profile.put("site", Map.of("communeCode", "99999"));
        profile.put("processes", List.of("WEAVING", "TELEPORTATION"));
        String messageId = publish(JSON.writeValueAsString(profile));

        JsonNode outcome = outcomeOf(messageId);
        assertThat(outcome.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(outcome.get("errors").findValuesAsString("field")).contains("site", "processes[1]");
        assertThat(repository.findBySiret((String) profile.get("siret"))).isEmpty();
        assertThat(TopicProbe.headers(deadLetterOf(messageId)).get("x-relocmatch-reason")).contains("rules");
    }

    @Test
    void somethingThatIsNotJsonIsDeadLetteredToo() {
        double deadLettersBefore = deadLetters();
        String messageId = publish("siret;name\n1234;Oops");

        JsonNode outcome = outcomeOf(messageId);
        assertThat(outcome.get("outcome").asString()).isEqualTo("REJECTED");
        assertThat(outcome.get("reason").asString()).startsWith("not JSON");
        assertThat(deadLetterOf(messageId).value()).isEqualTo("siret;name\n1234;Oops");
        // an operator sees it on the service's metrics
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(deadLetters()).isEqualTo(deadLettersBefore + 1));
    }

    private double deadLetters() {
        Counter counter = meters.find("relocmatch.dead.letters").tag("topic", INBOX + ".dlq").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void everyOutcomeMatchesThePublishedContract() {
        outcomeOf(publish(JSON.writeValueAsString(Companies.textileSmeInNormandy())));
        outcomeOf(publish("{}"));

        ContractAssertions.assertConform(outcomes.seen());
    }

    private String publish(String body) {
        String messageId = UUID.randomUUID().toString();
        writer.send(INBOX, "partner-key-" + messageId, body, Map.of("ce_id", messageId, "ce_source", PARTNER,
                "ce_type", "fr.relocmatch.partner.CompanyProfileSubmitted.v1", "ce_specversion", "1.0",
                "content-type", "application/json"));
        return messageId;
    }

    private JsonNode outcomeOf(String messageId) {
        ConsumerRecord<String, String> record = outcomes.await(
                r -> r.value() != null && messageId.equals(JSON.readTree(r.value()).path("correlationId").asString(null)),
                TIMEOUT);
        assertThat(record.key()).isEqualTo(PARTNER);
        return JSON.readTree(record.value());
    }

    private ConsumerRecord<String, String> deadLetterOf(String messageId) {
        return deadLetters.await(r -> messageId.equals(TopicProbe.headers(r).get("ce_id")), TIMEOUT);
    }
}
