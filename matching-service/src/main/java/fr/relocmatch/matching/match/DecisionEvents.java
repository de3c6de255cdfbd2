package fr.relocmatch.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;

import fr.relocmatch.state.events.CloudEventPublisher;
import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.state.events.RelayProperties;
import fr.relocmatch.state.events.StateEvent;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes advisers' decisions to the decisions topic once the match is saved, and relays any
 * decision saved but not acknowledged by Kafka.
 */
@Component
class DecisionEvents {

    /** Output binding of the decisions topic (destination set in application.yml). */
    static final String BINDING = "decisions-out-0";

    private final CloudEventPublisher publisher;
    private final MongoTemplate mongo;
    private final RelayProperties relay;
    private final Clock clock;

    DecisionEvents(CloudEventPublisher publisher, MongoTemplate mongo, RelayProperties relay, Clock clock) {
        this.publisher = publisher;
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    void publish(MatchDocument match) {
        MatchDecided decision = MatchDecided.of(match);
        if (publisher.publish(BINDING, new StateEvent(decision.decisionId().toString(), EventTypes.MATCH_DECIDED,
                match.getDemandId(), "match/" + match.getId(), match.getUpdatedAt(), decision))) {
            mongo.updateFirst(query(where("_id").is(match.getId())), new Update().set("decisionPublished", true),
                    mongo.getCollectionName(MatchDocument.class));
        }
    }

    @Scheduled(fixedDelayString = "${relocmatch.relay.interval:PT5S}", initialDelayString = "${relocmatch.relay.interval:PT5S}")
    void republishPending() {
        mongo.find(query(where("status").in(MatchStatus.ACCEPTED, MatchStatus.REJECTED).and("decisionPublished").is(false)
                .and("updatedAt").lt(clock.instant().minus(relay.grace()))).limit(500), MatchDocument.class)
                .forEach(this::publish);
    }
}
