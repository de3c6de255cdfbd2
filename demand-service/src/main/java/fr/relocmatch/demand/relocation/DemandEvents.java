package fr.relocmatch.demand.relocation;

import java.time.Clock;

import fr.relocmatch.state.events.CloudEventPublisher;
import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.state.events.RelayProperties;
import fr.relocmatch.state.events.StateEvent;
import fr.relocmatch.state.events.StatePublisher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Publishes demand snapshots to the demands topic; the shared relay resends what a failed send left behind. */
@Configuration(proxyBeanMethods = false)
class DemandEvents {

    /** Output binding of the demands topic (destination set in application.yml). */
    static final String BINDING = "demands-out-0";

    @Bean
    StatePublisher<DemandDocument> demandPublisher(MongoTemplate mongo, CloudEventPublisher publisher,
            RelayProperties relay, Clock clock) {
        return new StatePublisher<>(mongo, DemandDocument.class, publisher, BINDING, DemandEvents::toEvent,
                relay.grace(), clock);
    }

    static StateEvent toEvent(DemandDocument demand) {
        DemandUpdated body = DemandUpdated.of(demand);
        return new StateEvent(body.eventId().toString(), EventTypes.DEMAND_UPDATED, demand.getId(),
                "demand/" + demand.getId() + "@" + demand.getVersion(), demand.getUpdatedAt(), body);
    }
}
