package fr.relocmatch.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.state.events.CloudEventPublisher;
import fr.relocmatch.state.events.Publication;
import fr.relocmatch.state.events.RelayProperties;
import fr.relocmatch.state.events.StateEvent;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The steps of accepted matches' outcomes on the decisions topic, one MatchOutcomeRecorded event
 * per step (its id derived from the match and the step). Published once the match is saved; what
 * the broker did not acknowledge is relayed. Every step of the match is sent each time, in order,
 * so a step saved while an earlier one was on its way is never skipped; consumers keep each step
 * once by its id.
 */
@Component
class OutcomeEvents extends Publication<MatchDocument> {

    private static final String FLAG = "outcomePending";

    OutcomeEvents(CloudEventPublisher publisher, MongoTemplate mongo, RelayProperties relay, Clock clock) {
        super("MatchOutcomeRecorded", mongo, MatchDocument.class, MatchDocument::getId, new LastStepMark(),
                match -> {
                    List<StateEvent> steps = match.getOutcomes().stream().map(step -> {
                        MatchOutcomeRecorded body = MatchOutcomeRecorded.of(match, step);
                        return new StateEvent(body.outcomeId().toString(), EventTypes.MATCH_OUTCOME_RECORDED,
                                match.getDemandId(), "match/" + match.getId() + "/outcome/" + step.step(), step.recordedAt(),
                                body);
                    }).toList();
                    return publisher.sendAll(DecisionEvents.BINDING, steps).stream().flatMap(Optional::stream).findFirst();
                }, relay.grace(), clock);
    }

    /**
     * Waiting: a match whose steps were not all acknowledged, found through the sparse index on
     * {@value #FLAG} (a field only waiting matches have); settled only if no step was added since.
     */
    private static final class LastStepMark implements Mark<MatchDocument> {

        @Override
        public Criteria pending() {
            return where(FLAG).is(true);
        }

        @Override
        public Criteria unmarked(MatchDocument match) {
            return where("outcome").is(match.getOutcome()).and(FLAG).is(true);
        }

        @Override
        public Update marked(MatchDocument match) {
            return new Update().unset(FLAG);
        }

        @Override
        public String prefix() {
            return FLAG + "Relay.";
        }
    }
}
