package fr.relocmatch.matching.match;

import java.time.Clock;

import fr.relocmatch.state.events.CloudEventPublisher;
import fr.relocmatch.state.events.RelayProperties;
import fr.relocmatch.state.events.StateEvent;
import fr.relocmatch.state.events.StatePublisher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Publishes match changes to the matches topic, keyed by demand id. */
@Configuration(proxyBeanMethods = false)
class MatchPublication {

    /** Output binding of the matches topic (destination set in application.yml). */
    static final String BINDING = "matches-out-0";

    @Bean
    StatePublisher<MatchDocument> matchPublisher(MongoTemplate mongo, CloudEventPublisher publisher,
            RelayProperties relay, Clock clock) {
        return new StatePublisher<>(mongo, MatchDocument.class, publisher, BINDING, MatchPublication::toEvent,
                relay.grace(), clock);
    }

    static StateEvent toEvent(MatchDocument match) {
        MatchEvent body = MatchEvent.of(match);
        return new StateEvent(body.eventId().toString(), match.getLastChange().eventType(), match.getDemandId(),
                "match/" + match.getId() + "@" + match.getVersion(), match.getUpdatedAt(), body);
    }
}
