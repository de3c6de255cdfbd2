package fr.relocmatch.state.events;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.springframework.data.mongodb.core.query.Criteria;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The relay republishes what was saved and not acknowledged, in the order saved. A document that
 * cannot be published while the broker takes others (a record too large, a body that does not
 * serialise) is parked with its reason after a few runs, and never again blocks the ones behind it;
 * a broker that takes nothing parks nothing.
 */
class StatePublisherTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = MongoClients.create("mongodb://" + hostAndPort(server.bind()));
    private final MongoTemplate mongo = new MongoTemplate(client, "relay");
    private final CloudEventPublisher events = mock(CloudEventPublisher.class);
    private final List<String> sent = new ArrayList<>();
    private boolean brokerUp = true;
    private final StatePublisher<Thing> publisher = new StatePublisher<>(mongo, Thing.class, events, "things-out-0",
            thing -> new StateEvent(thing.getId() + "@" + thing.getVersion(), "Thing", thing.getId(), thing.getId(),
                    Instant.EPOCH, Map.of("id", thing.getId())),
            Duration.ZERO, Clock.systemUTC());

    @BeforeEach
    void sendListsOneByOne() {
        when(events.sendAll(anyString(), anyList())).thenAnswer(call -> call.<List<StateEvent>>getArgument(1).stream()
                .map(event -> events.send(call.getArgument(0), event)).toList());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aDocumentThatCannotBePublishedIsParkedAndTheOthersGoOut() {
        when(events.send(anyString(), any())).thenAnswer(call -> {
            StateEvent event = call.getArgument(1);
            if (!brokerUp) {
                return Optional.of("TimeoutException: broker unreachable");
            }
            if (event.subject().equals("poison")) {
                return Optional.of("RecordTooLargeException: 2 MB");
            }
            sent.add(event.subject());
            return Optional.empty();
        });
        for (String id : List.of("a", "poison", "b", "c")) {
            mongo.insert(new Thing(id));
        }

        publisher.republishPending();
        assertThat(sent).as("nothing stops behind the poison").containsExactly("a", "b", "c");

        publisher.republishPending();
        publisher.republishPending();
        Thing poison = mongo.findById("poison", Thing.class);
        assertThat(poison.getPublishedVersion()).isEqualTo(-1);
        assertThat(mongo.getCollection("things").find(new org.bson.Document("_id", "poison")).first())
                .containsEntry("publishFailures", 3).containsEntry("lastPublishError", "RecordTooLargeException: 2 MB");
        assertThat(publisher.parked()).isEqualTo(1);

        sent.clear();
        mongo.insert(new Thing("d"));
        publisher.republishPending();
        assertThat(sent).as("the parked one is not tried again").containsExactly("d");
    }

    @Test
    void documentsPublishedTogetherAreMarkedWhereAcknowledgedAndTheRelaySendsTheRest() {
        when(events.send(anyString(), any())).thenAnswer(call -> {
            StateEvent event = call.getArgument(1);
            if (!brokerUp) {
                return Optional.of("TimeoutException: broker unreachable");
            }
            sent.add(event.subject());
            if (event.subject().equals("b")) {
                brokerUp = false; // gone after taking b
            }
            return Optional.empty();
        });
        List<Thing> saved = new ArrayList<>();
        for (String id : List.of("a", "b", "c", "d")) {
            saved.add(mongo.insert(new Thing(id)));
        }

        assertThat(publisher.publishAll(saved)).isEqualTo(2);
        assertThat(sent).as("in order").containsExactly("a", "b");
        assertThat(List.of("a", "b", "c", "d")).extracting(id -> mongo.findById(id, Thing.class).getPublishedVersion())
                .containsExactly(0L, 0L, -1L, -1L);

        brokerUp = true;
        sent.clear();
        publisher.republishPending();
        assertThat(sent).as("the relay sends what was not acknowledged, nothing twice").containsExactly("c", "d");
    }

    @Test
    void aVersionSavedWhileTheLastOneWasBeingSentStaysFlaggedAndTheRelaySendsIt() {
        when(events.send(anyString(), any())).thenAnswer(call -> {
            StateEvent event = call.getArgument(1);
            sent.add(event.id());
            if (event.id().equals("a@0") || event.id().equals("b@0")) {
                // saved again before this send is acknowledged and marked
                mongo.save(mongo.findById(event.subject(), Thing.class));
            }
            return Optional.empty();
        });
        Thing a = mongo.insert(new Thing("a"));
        Thing b = mongo.insert(new Thing("b"));
        Thing c = mongo.insert(new Thing("c"));

        assertThat(publisher.publish(a)).isTrue();
        assertThat(publisher.publishAll(List.of(b, c))).isEqualTo(2);
        assertThat(raw("a")).as("marked up to what was sent, still waiting for its next version")
                .containsEntry("publishedVersion", 0L).containsEntry("version", 1L).containsEntry("publishPending", true);
        assertThat(raw("b")).containsEntry("publishedVersion", 0L).containsEntry("publishPending", true);
        assertThat(raw("c")).as("settled: nothing left for the relay to find").containsEntry("publishedVersion", 0L)
                .doesNotContainKey("publishPending");

        sent.clear();
        publisher.republishPending();
        assertThat(sent).containsExactlyInAnyOrder("a@1", "b@1");
        assertThat(List.of(raw("a"), raw("b"))).allSatisfy(thing -> assertThat(thing).containsEntry("publishedVersion", 1L)
                .doesNotContainKey("publishPending"));
        sent.clear();
        publisher.republishPending();
        assertThat(sent).isEmpty();
    }

    @Test
    void theFirstRunIndexesTheFlagAndFlagsWhatWasSavedBeforeItExisted() {
        when(events.send(anyString(), any())).thenAnswer(call -> {
            sent.add(call.<StateEvent>getArgument(1).id());
            return Optional.empty();
        });
        // as an earlier release stored them: no flag; one published, one not
        mongo.getCollection("things").insertOne(new org.bson.Document("_id", "old-published").append("version", 2L)
                .append("publishedVersion", 2L).append("updatedAt", java.util.Date.from(Instant.now().minusSeconds(60))));
        mongo.getCollection("things").insertOne(new org.bson.Document("_id", "old-unpublished").append("version", 3L)
                .append("publishedVersion", 1L).append("updatedAt", java.util.Date.from(Instant.now().minusSeconds(60))));

        publisher.republishPending();

        assertThat(sent).containsExactly("old-unpublished@3");
        assertThat(raw("old-published")).doesNotContainKey("publishPending");
        assertThat(raw("old-unpublished")).containsEntry("publishedVersion", 3L).doesNotContainKey("publishPending");
        assertThat(mongo.indexOps("things").getIndexInfo()).anySatisfy(index -> {
            assertThat(index.getIndexFields()).extracting(field -> field.getKey()).containsExactly("publishPending");
            assertThat(index.isSparse()).isTrue();
        });
    }

    private org.bson.Document raw(String id) {
        return mongo.getCollection("things").find(new org.bson.Document("_id", id)).first();
    }

    @Test
    void aBrokerThatTakesNothingParksNothing() {
        brokerUp = false;
        when(events.send(anyString(), any())).thenReturn(Optional.of("TimeoutException: broker unreachable"));
        for (String id : List.of("a", "b")) {
            mongo.insert(new Thing(id));
        }
        for (int run = 0; run < 5; run++) {
            publisher.republishPending();
        }
        assertThat(publisher.parked()).isZero();
        assertThat(mongo.getCollection("things").find(new org.bson.Document("_id", "a")).first())
                .doesNotContainEntry("publishParked", true);
    }

    @Test
    void aOneOffPublicationIsFlaggedOnAcknowledgementKeepsItsOwnBookkeepingAndIsNotSentAgain() {
        List<String> decisions = new ArrayList<>();
        boolean[] up = {false};
        Publication<Thing> decided = new Publication<>("ThingDecided", mongo, Thing.class, Thing::getId,
                Publication.flag("decisionPublished", Criteria.where("decided").is(true)),
                thing -> {
                    if (!up[0]) {
                        return Optional.of("TimeoutException: broker unreachable");
                    }
                    decisions.add(thing.getId());
                    return Optional.empty();
                }, Duration.ZERO, Clock.systemUTC());
        mongo.insert(new Thing("open"));
        for (String id : List.of("x", "y")) {
            mongo.insert(new Thing(id));
            mongo.getCollection("things").updateOne(new org.bson.Document("_id", id),
                    new org.bson.Document("$set", new org.bson.Document("decided", true).append("decisionPublished", false)));
        }

        assertThat(decided.publish(mongo.findById("x", Thing.class))).as("broker down").isFalse();
        decided.republishPending();
        assertThat(mongo.getCollection("things").find(new org.bson.Document("_id", "x")).first())
                .as("its failures kept apart from the state publication's").doesNotContainKey("publishFailures")
                .extractingByKey("decisionPublishedRelay").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("publishFailures", 1);

        up[0] = true;
        decided.republishPending();
        decided.republishPending();
        assertThat(decisions).as("each decided one once, the undecided one never").containsExactly("x", "y");
        assertThat(mongo.getCollection("things").find(new org.bson.Document("_id", "x")).first())
                .as("the state publication untouched").containsEntry("decisionPublished", true).containsEntry("publishedVersion", -1L);
    }

    private static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    @Document("things")
    static class Thing extends PublishedDocument {

        Thing() {
        }

        Thing(String id) {
            this.id = id;
            this.updatedAt = Instant.now().minusSeconds(10);
        }
    }
}
