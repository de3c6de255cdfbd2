package fr.relocmatch.notification.email;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import fr.relocmatch.state.events.CloudEventPublisher;
import fr.relocmatch.state.events.RelayProperties;
import fr.relocmatch.state.events.StateEvent;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes what became of each e-mail (SENT or FAILED) to the notification status topic, and
 * each permanent failure to the dead-letter topic with its reason, once Kafka acknowledged both;
 * a relay catches up on any outcome saved but not published.
 */
@Component
class NotificationOutcomes {

    static final String STATUS_BINDING = "notificationStatus-out-0";
    static final String DEAD_LETTER_BINDING = "notificationDeadLetters-out-0";
    static final String SENT = fr.relocmatch.contracts.events.EventTypes.NOTIFICATION_SENT;
    static final String FAILED = fr.relocmatch.contracts.events.EventTypes.NOTIFICATION_FAILED;

    private final CloudEventPublisher events;
    private final StreamBridge bridge;
    private final MongoTemplate mongo;
    private final RelayProperties relay;
    private final Clock clock;

    NotificationOutcomes(CloudEventPublisher events, StreamBridge bridge, MongoTemplate mongo, RelayProperties relay,
            Clock clock) {
        this.events = events;
        this.bridge = bridge;
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    void publish(NotificationDocument notification) {
        boolean failed = notification.getStatus() == NotificationStatus.FAILED;
        String id = fr.relocmatch.contracts.events.EventIds.of("notification", notification.getId(), String.valueOf(notification.getStatus())).toString();
        boolean published = events.publish(STATUS_BINDING, new StateEvent(id, failed ? FAILED : SENT,
                notification.getMatchId(), "notification/" + notification.getId(), clock.instant(),
                NotificationOutcome.of(notification)));
        if (published && failed) {
            published = deadLetter(notification);
        }
        if (published) {
            mongo.updateFirst(query(where("_id").is(notification.getId())), new Update().set("outcomePublished", true),
                    "notifications");
        }
    }

    /** Publishes again the outcomes a broker outage left unpublished. */
    @Scheduled(fixedDelayString = "${relocmatch.relay.interval:PT5S}", initialDelayString = "${relocmatch.relay.interval:PT5S}")
    void republishPending() {
        var pending = query(where("status").in(NotificationStatus.SENT, NotificationStatus.FAILED)
                .and("outcomePublished").is(false).and("updatedAt").lt(clock.instant().minus(relay.grace()))).limit(500);
        mongo.find(pending, NotificationDocument.class).forEach(this::publish);
    }

    private boolean deadLetter(NotificationDocument notification) {
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
