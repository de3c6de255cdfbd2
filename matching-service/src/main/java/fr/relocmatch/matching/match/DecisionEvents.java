package fr.relocmatch.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;

import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.state.events.CloudEventPublisher;
import fr.relocmatch.state.events.Publication;
import fr.relocmatch.state.events.RelayProperties;
import fr.relocmatch.state.events.StateEvent;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The advisers' decisions on the decisions topic: published once the match is saved, flagged
 * {@code decisionPublished} on the broker's acknowledgement, and relayed with the service's other
 * publications when that did not happen.
 */
@Component
class DecisionEvents extends Publication<MatchDocument> {

    /** Output binding of the decisions topic (destination set in application.yml). */
    static final String BINDING = "decisions-out-0";

    DecisionEvents(CloudEventPublisher publisher, MongoTemplate mongo, RelayProperties relay, Clock clock) {
        super("MatchDecided", mongo, MatchDocument.class, MatchDocument::getId,
                flag("decisionPublished", where("status").in(MatchStatus.ACCEPTED, MatchStatus.REJECTED)),
                match -> {
                    MatchDecided decision = MatchDecided.of(match);
                    return publisher.send(BINDING, new StateEvent(decision.decisionId().toString(), EventTypes.MATCH_DECIDED,
                            match.getDemandId(), "match/" + match.getId(), match.getUpdatedAt(), decision));
                }, relay.grace(), clock);
    }
}
