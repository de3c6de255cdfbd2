package fr.relocmatch.matching.match;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reminders that keep profiles fresh, found each day and told to the supplier's adviser in
 * their digest, at most once per profile, certificate and calendar month.
 *
 * @param cron            when they are looked for (before the digests, at 08:00 by default)
 * @param zone            the time zone of {@code cron} and of the month a reminder belongs to
 * @param unconfirmedAfter how long a profile may go without a confirmation before its adviser is reminded
 * @param demandsListed   how many of the open demands a certificate would miss a reminder names
 */
@ConfigurationProperties("relocmatch.matching.reminders")
record ReminderProperties(@DefaultValue("0 0 7 * * *") String cron, @DefaultValue("Europe/Paris") String zone,
        @DefaultValue("P12M") Period unconfirmedAfter, @DefaultValue("5") int demandsListed) {
}
