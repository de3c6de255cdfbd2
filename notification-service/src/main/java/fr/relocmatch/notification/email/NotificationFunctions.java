package fr.relocmatch.notification.email;

import java.util.function.Consumer;

import fr.relocmatch.contracts.events.CloudEventHeaders;
import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.state.events.InboundRecords;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Spring Cloud Stream consumer of the matches topic (binding {@code matches-in-0}): an adviser in
 * charge is told of a proposed match once, by the first event that shows it proposed; later
 * versions (a new score or rank), rejections and withdrawals send nothing. An acceptance tells the
 * supplier's adviser, with the buyer's name (at once, or by the disclosure of a confidential demand).
 * The end of a demand (fulfilled, cancelled, expired) goes into the digest of the adviser of each
 * supplier it was proposed to or accepted with.
 */
@Configuration(proxyBeanMethods = false)
class NotificationFunctions {

    private static final Logger log = LoggerFactory.getLogger(NotificationFunctions.class);

    @Bean
    // the body as received (InboundRecords reads it): Spring Cloud Function converts nothing
    Consumer<Message<byte[]>> matches(Notifier notifier, InboundRecords records) {
        return message -> {
            String type = CloudEventHeaders.read(message, "type");
            boolean proposedOrUpdated = EventTypes.MATCH_PROPOSED.equals(type) || EventTypes.MATCH_UPDATED.equals(type);
            boolean withdrawn = EventTypes.MATCH_WITHDRAWN.equals(type);
            if (!proposedOrUpdated && !withdrawn && !EventTypes.MATCH_BUYER_DISCLOSED.equals(type)
                    && !EventTypes.MATCH_DECIDED.equals(type)) {
                log.debug("No e-mail for {} of match {}", type, InboundRecords.key(message));
                return; // outcome steps, and types added later
            }
            // a body without the match's identity and version is dead-lettered at once, naming what is missing
            MatchNotice notice = records.read(message, MatchNotice.class, "matchId", "version", "status", "demandId", "companyId");
            // From the match's state, not from the event's type: the first event an adviser sees of a
            // proposed match may be a MatchUpdated (the relay resends only a document's latest state).
            if ((proposedOrUpdated || withdrawn) && notice.demandClosed() != null) {
                notifier.demandClosed(notice);
            }
            else if (withdrawn) {
                log.debug("No e-mail for the withdrawal of match {}", notice.matchId());
            }
            else if (proposedOrUpdated && "PROPOSED".equals(notice.status())) {
                notifier.matchProposed(notice);
            }
            else if (EventTypes.MATCH_BUYER_DISCLOSED.equals(type)) {
                notifier.buyerDisclosed(notice);
            }
            else if (EventTypes.MATCH_DECIDED.equals(type) && "ACCEPTED".equals(notice.status())) {
                notifier.matchAccepted(notice);
            }
        };
    }

    /**
     * Consumer of the reminders topic (binding {@code reminders-in-0}): each reminder goes into the
     * digest of the supplier's adviser, once, with a link for the company to confirm its profile.
     */
    @Bean
    Consumer<Message<byte[]>> reminders(Notifier notifier, InboundRecords records) {
        return message -> {
            if (!EventTypes.PROFILE_REMINDER.equals(CloudEventHeaders.read(message, "type"))) {
                return; // types added later
            }
            notifier.reminder(records.read(message, ReminderNotice.class, "reminderId", "kind", "companyId"));
        };
    }
}
