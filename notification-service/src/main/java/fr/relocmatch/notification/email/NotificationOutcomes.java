package fr.relocmatch.notification.email;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import java.util.Optional;

import fr.relocmatch.contracts.events.EventIds;
import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.state.events.CloudEventPublisher;
import fr.relocmatch.state.events.Publication;
import fr.relocmatch.state.events.RelayProperties;
import fr.relocmatch.state.events.StateEvent;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Publishes what became of each e-mail (SENT or FAILED) to the notification status topic, and
 * each permanent failure to the dead-letter topic with its reason; the e-mail is flagged
 * {@code outcomePublished} once Kafka acknowledged both, and relayed with the service's other
 * publications when that did not happen.
 */
@Component
class NotificationOutcomes extends Publication<NotificationDocument> {

    static final String STATUS_BINDING = "notificationStatus-out-0";
    static final String DEAD_LETTER_BINDING = "notificationDeadLetters-out-0";
    static final String SENT = EventTypes.NOTIFICATION_SENT;
    static final String FAILED = EventTypes.NOTIFICATION_FAILED;

    NotificationOutcomes(CloudEventPublisher events, StreamBridge bridge, MongoTemplate mongo, RelayProperties relay,
            Clock clock) {
        super("NotificationOutcome", mongo, NotificationDocument.class, NotificationDocument::getId,
                flag("outcomePublished", where("status").in(NotificationStatus.SENT, NotificationStatus.FAILED)),
                notification -> send(events, bridge, clock, notification), relay.grace(), clock);
    }

    private static Optional<String> send(CloudEventPublisher events, StreamBridge bridge, Clock clock,
            NotificationDocument notification) {
        boolean failed = notification.getStatus() == NotificationStatus.FAILED;
        String id = EventIds.of("notification", notification.getId(), String.valueOf(notification.getStatus())).toString();
        Optional<String> error = events.send(STATUS_BINDING, new StateEvent(id, failed ? FAILED : SENT,
                notification.getMatchId(), "notification/" + notification.getId(), clock.instant(),
                NotificationOutcome.of(notification)));
        if (error.isEmpty() && failed && !deadLetter(bridge, notification)) {
            return Optional.of("the dead-letter topic did not take the failed e-mail");
        }
        return error;
    }

    private static boolean deadLetter(StreamBridge bridge, NotificationDocument notification) {
        try {
            return bridge.send(DEAD_LETTER_BINDING, MessageBuilder.withPayload(NotificationOutcome.of(notification))
                    .setHeader(KafkaHeaders.KEY, notification.getMatchId().getBytes(StandardCharsets.UTF_8))
                    .setHeader("x-exception-message", notification.getLastError())
                    .setHeader("x-original-topic", "relocmatch.matches.v1")
                    .setHeader("x-notification-id", notification.getId())
                    .setHeader("x-recipient", notification.getRecipient())
                    .build());
        }
        catch (RuntimeException e) {
            return false;
        }
    }
}
