package fr.relocmatch.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import fr.relocmatch.state.events.CloudEventPublisher;
import fr.relocmatch.state.events.RelayProperties;
import fr.relocmatch.state.events.StateEvent;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outcome steps of a match wait for the relay only while the broker has not taken them: the
 * relay finds them by a field that exists only then (so its index holds only waiting matches, not
 * every match ever decided), and a step saved while an earlier one was on its way keeps its match
 * waiting until it is sent too.
 */
class OutcomeEventsTest {

    private static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
    private final MongoTemplate mongo = new MongoTemplate(client, "outcomes");
    private final CloudEventPublisher events = mock(CloudEventPublisher.class);
    private final List<String> sent = new ArrayList<>();
    private boolean brokerUp;
    private final OutcomeEvents outcomes = new OutcomeEvents(events, mongo,
            new RelayProperties(Duration.ofSeconds(5), Duration.ZERO), Clock.systemUTC());

    @BeforeEach
    void broker() {
        when(events.sendAll(anyString(), anyList())).thenAnswer(call -> call.<List<StateEvent>>getArgument(1).stream()
                .map(event -> {
                    if (!brokerUp) {
                        return Optional.of("TimeoutException: broker unreachable");
                    }
                    sent.add(event.subject());
                    return Optional.<String>empty();
                }).toList());
        mongo.getCollection("matches").insertOne(new Document("_id", "m1").append("demandId", "d1").append("companyId", "c1")
                .append("status", "ACCEPTED").append("decidedAt", Date.from(Instant.now().minusSeconds(3600)))
                .append("version", 0L).append("updatedAt", Date.from(Instant.now())));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aStepTheBrokerDidNotTakeWaitsForTheRelayAndNothingWaitsOnceItIsSent() {
        MatchDocument contact = record(OutcomeStep.CONTACT_MADE);

        assertThat(outcomes.publish(contact)).isFalse();
        assertThat(waiting()).isEqualTo(1);

        brokerUp = true;
        assertThat(outcomes.republishPending()).isEqualTo(1);

        assertThat(sent).containsExactly("match/m1/outcome/CONTACT_MADE");
        assertThat(mongo.count(query(where("outcomePending").exists(true)), "matches"))
                .as("a sent match keeps no pending field: the index holds only waiting matches").isZero();
        assertThat(outcomes.republishPending()).isZero();
    }

    @Test
    void aStepSavedWhileTheLastOneWasBeingSentKeepsTheMatchWaitingAndTheRelaySendsBoth() {
        MatchDocument contact = record(OutcomeStep.CONTACT_MADE);
        record(OutcomeStep.QUOTE_SENT); // saved before the first step's acknowledgement came

        brokerUp = true;
        assertThat(outcomes.publish(contact)).isTrue(); // acknowledged: the first step only

        assertThat(waiting()).isEqualTo(1);
        sent.clear();
        assertThat(outcomes.republishPending()).isEqualTo(1);
        assertThat(sent).containsExactly("match/m1/outcome/CONTACT_MADE", "match/m1/outcome/QUOTE_SENT");
        assertThat(waiting()).isZero();
    }

    /** Records the next step on the stored match, as MatchBook does, and answers it as saved. */
    private MatchDocument record(OutcomeStep step) {
        MatchDocument match = mongo.findById("m1", MatchDocument.class);
        match.recordOutcome(step, LocalDate.now(FRANCE), null, null, "a@cci.fr", Instant.now().minusSeconds(1), FRANCE);
        return mongo.save(match);
    }

    private long waiting() {
        return mongo.count(query(where("outcomePending").is(true)), "matches");
    }

    private static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
