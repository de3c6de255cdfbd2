package fr.relocmatch.notification.email;

import java.util.function.Consumer;

import fr.relocmatch.contracts.events.CloudEventHeaders;
import fr.relocmatch.contracts.events.EventTypes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Spring Cloud Stream consumer of the matches topic (binding {@code matches-in-0}). */
@Configuration(proxyBeanMethods = false)
class NotificationFunctions {

    private static final Logger log = LoggerFactory.getLogger(NotificationFunctions.class);

    @Bean
    Consumer<Message<MatchNotice>> matches(Notifier notifier) {
        return message -> {
            String type = CloudEventHeaders.read(message, "type");
            if (EventTypes.MATCH_PROPOSED.equals(type)) {
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
