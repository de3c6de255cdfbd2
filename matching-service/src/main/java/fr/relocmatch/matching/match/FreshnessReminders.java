package fr.relocmatch.matching.match;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import fr.relocmatch.contracts.events.EventTypes;
import fr.relocmatch.state.events.CloudEventPublisher;
import fr.relocmatch.state.events.RelayProperties;
import fr.relocmatch.state.events.StateEvent;
import fr.relocmatch.state.events.StatePublisher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Finds each day what would let a profile go stale unnoticed, and tells the supplier's adviser
 * (notification-service puts it in their digest, with a link for the company to confirm its
 * profile): profiles of this région not confirmed for {@code unconfirmed-after} (12 months), and
 * certificates expiring before the start of an open demand this instance ranks that the supplier
 * would otherwise pass every gate of. Each (kind, company, certificate) once per calendar month:
 * the reminder's id says so, and a second instance or run finds it recorded already.
 */
@Service
class FreshnessReminders {

    private static final Logger log = LoggerFactory.getLogger(FreshnessReminders.class);

    /** Output binding of the reminders topic (destination set in application.yml). */
    static final String BINDING = "reminders-out-0";

    private final MatchingEngine engine;
    private final MongoTemplate mongo;
    private final StatePublisher<ReminderDocument> publisher;
    private final RegionOwnership regions;
    private final ReminderProperties properties;
    private final Clock clock;

    FreshnessReminders(MatchingEngine engine, MongoTemplate mongo, StatePublisher<ReminderDocument> reminderPublisher,
            RegionOwnership regions, ReminderProperties properties, Clock clock) {
        this.engine = engine;
        this.mongo = mongo;
        this.publisher = reminderPublisher;
        this.regions = regions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${relocmatch.matching.reminders.cron:0 0 7 * * *}",
            zone = "${relocmatch.matching.reminders.zone:Europe/Paris}")
    void remindToday() {
        remind(LocalDate.now(clock.withZone(ZoneId.of(properties.zone()))));
    }

    /** Sends the reminders due on {@code today} not sent yet this month; answers how many went out. */
    int remind(LocalDate today) {
        YearMonth period = YearMonth.from(today);
        List<ReminderDocument> recorded = new ArrayList<>();
        for (ReminderDue due : engine.remindersDue(today, properties.unconfirmedAfter())) {
            String supplierRegion = regions.ofSupplier(due.supplier().id());
            if (due.kind() == ReminderDue.ReminderKind.PROFILE_UNCONFIRMED && !regions.own().equals(supplierRegion)) {
                continue; // the instances of the profile's région remind its adviser
            }
            try {
                recorded.add(mongo.insert(ReminderDocument.of(due, period, supplierRegion, properties.demandsListed(),
                        clock.instant())));
            }
            catch (DuplicateKeyException sentThisMonth) {
                // told already this month, by this run or another instance
            }
        }
        if (!recorded.isEmpty()) {
            publisher.publishAll(recorded);
            log.info("{} reminder(s) for {} sent", recorded.size(), period);
        }
        return recorded.size();
    }

    @Configuration(proxyBeanMethods = false)
    static class Publication {

        @Bean
        StatePublisher<ReminderDocument> reminderPublisher(MongoTemplate mongo, CloudEventPublisher publisher,
                RelayProperties relay, Clock clock) {
            return new StatePublisher<>(mongo, ReminderDocument.class, publisher, BINDING, reminder -> {
                ReminderEvent body = ReminderEvent.of(reminder);
                return new StateEvent(body.eventId().toString(), EventTypes.PROFILE_REMINDER, reminder.getCompanyId(),
                        "reminder/" + reminder.getId(), reminder.getUpdatedAt(), body);
            }, relay.grace(), clock);
        }
    }
}
