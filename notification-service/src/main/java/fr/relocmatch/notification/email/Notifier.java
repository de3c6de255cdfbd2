package fr.relocmatch.notification.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Records, then sends, one e-mail per adviser in charge of a proposed match. The record comes
 * first and its unique key stops any second send for the same (recipient, match, version); a send
 * that fails for a transient reason stays PENDING and is retried with a growing delay.
 */
@Service
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private final NotificationRepository repository;
    private final MatchEmailComposer composer;
    private final MatchMailer mailer;
    private final NotificationProperties properties;
    private final Clock clock;

    Notifier(NotificationRepository repository, MatchEmailComposer composer, MatchMailer mailer,
            NotificationProperties properties, Clock clock) {
        this.repository = repository;
        this.composer = composer;
        this.mailer = mailer;
        this.properties = properties;
        this.clock = clock;
    }

    void matchProposed(MatchNotice notice) {
        for (String recipient : notice.recipients()) {
            NotificationDocument notification = new NotificationDocument(recipient, notice, composer.subject(notice),
                    composer.body(notice), clock.instant());
            try {
                repository.insert(notification);
            }
            catch (DuplicateKeyException alreadyRecorded) {
                log.debug("E-mail to {} for match {} v{} already recorded", recipient, notice.matchId(), notice.version());
                continue;
            }
            attempt(notification);
        }
    }

    /** Tries again every pending e-mail whose next attempt is due. */
    @Scheduled(fixedDelayString = "${relocmatch.notification.retry-interval:PT30S}",
            initialDelayString = "${relocmatch.notification.retry-interval:PT30S}")
    void retryPending() {
        Instant now = clock.instant();
        for (NotificationDocument pending : repository
                .findTop100ByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(NotificationStatus.PENDING, now)) {
            attempt(pending);
        }
    }

    private void attempt(NotificationDocument notification) {
        Instant now = clock.instant();
        try {
            mailer.send(notification);
            notification.sent(now);
            log.info("E-mail sent to {} for match {} v{}", notification.getRecipient(), notification.getMatchId(),
                    notification.getMatchVersion());
        }
        catch (RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (MatchMailer.isPermanent(e)) {
                notification.failed(error);
                log.warn("E-mail to {} for match {} refused for good: {}", notification.getRecipient(),
                        notification.getMatchId(), error);
            }
            else if (notification.getCreatedAt().plus(properties.giveUpAfter()).isBefore(now)) {
                notification.failed("gave up after " + properties.giveUpAfter() + ": " + error);
            }
            else {
                notification.attemptFailed(error, now.plus(backoff(notification.getAttempts())));
                log.warn("E-mail to {} for match {} not sent (attempt {}), will retry: {}", notification.getRecipient(),
                        notification.getMatchId(), notification.getAttempts() + 1, error);
            }
        }
        repository.save(notification);
    }

    private Duration backoff(int attemptsSoFar) {
        Duration delay = properties.retryInterval().multipliedBy(1L << Math.min(attemptsSoFar, 10));
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }
}
