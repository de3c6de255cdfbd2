package fr.relocmatch.notification.email;

import java.util.function.Consumer;

import fr.relocmatch.contracts.events.CloudEventHeaders;
import fr.relocmatch.contracts.events.EventTypes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Spring Cloud Stream consumer of the matches topic (binding {@code matches-in-0}): an adviser in
 * charge is told of a proposed match once, by the first event that shows it proposed; later
 * versions (a new score or rank) and withdrawals send nothing.
 */
@Configuration(proxyBeanMethods = false)
class NotificationFunctions {

    private static final Logger log = LoggerFactory.getLogger(NotificationFunctions.class);

    @Bean
    Consumer<Message<MatchNotice>> matches(Notifier notifier) {
        return message -> {
            String type = CloudEventHeaders.read(message, "type");
            // From the match's state, not from the event's type: the first event an adviser sees of a
            // proposed match may be a MatchUpdated (the relay resends only a document's latest state).
            if (EventTypes.MATCH_PROPOSED.equals(type)
                    || EventTypes.MATCH_UPDATED.equals(type) && "PROPOSED".equals(message.getPayload().status())) {
                notifier.matchProposed(message.getPayload());
            }
            else if (EventTypes.MATCH_BUYER_DISCLOSED.equals(type)) {
                notifier.buyerDisclosed(message.getPayload());
            }
            else {
                log.debug("No e-mail for {} of match {}", type, message.getPayload().matchId());
            }
        };
    }
}
