package fr.relocmatch.company.profile;

import java.time.Clock;

import fr.relocmatch.state.events.CloudEventPublisher;
import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.state.events.RelayProperties;
import fr.relocmatch.state.events.StateEvent;
import fr.relocmatch.state.events.StatePublisher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Publishes profile snapshots to the companies topic, and a tombstone (null value, same key) once
 * a profile is deleted; the shared relay resends what a failed send left behind.
 */
@Configuration(proxyBeanMethods = false)
class CompanyEvents {

    /** Output binding of the companies topic (destination set in application.yml). */
    static final String BINDING = "companies-out-0";

    @Bean
    StatePublisher<CompanyDocument> companyPublisher(MongoTemplate mongo, CloudEventPublisher publisher,
            RelayProperties relay, Clock clock) {
        return new StatePublisher<>(mongo, CompanyDocument.class, publisher, BINDING, CompanyEvents::toEvent,
                relay.grace(), clock);
    }

    static StateEvent toEvent(CompanyDocument company) {
        String subject = "company/" + company.getId() + "@" + company.getVersion();
        String id = CompanyProfileUpdated.eventId(company.getId(), company.getVersion()).toString();
        if (company.isDeleted()) {
            return StateEvent.tombstone(id, EventTypes.COMPANY_PROFILE_DELETED, company.getId(), subject,
                    company.getUpdatedAt());
        }
        return new StateEvent(id, EventTypes.COMPANY_PROFILE_UPDATED, company.getId(), subject,
                company.getUpdatedAt(), CompanyProfileUpdated.of(company));
    }
}
