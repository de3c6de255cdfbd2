package fr.relocmatch.notification.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How match e-mails are written and retried.
 *
 * @param from          sender address of the e-mails
 * @param consoleUrl    the adviser console every link of the e-mails leads to: a match's place in its
 *                      ranking ({@code /matches/<id>}, behind the console's login), the signed
 *                      preferences page and the one-click unsubscribe ({@code /preferences},
 *                      {@code /unsubscribe}, the token is the authorisation) — never an API
 * @param retryInterval how often pending e-mails are tried again
 * @param giveUpAfter   age after which a pending e-mail is marked FAILED
 * @param maxBackoff    longest wait between two attempts of one e-mail
 * @param digestCron    when daily digests go out
 * @param digestZone    time zone of {@code digestCron}
 * @param lease         how long a claimed e-mail is left to its claimant before another instance or
 *                      run may send it: longer than an SMTP send takes, timeouts included (5 s + 10 s)
 */
@ConfigurationProperties("relocmatch.notification")
record NotificationProperties(@DefaultValue("relocmatch@localhost") String from,
        @DefaultValue("http://127.0.0.1:8085") String consoleUrl,
        @DefaultValue("PT30S") Duration retryInterval, @DefaultValue("PT24H") Duration giveUpAfter,
        @DefaultValue("PT1H") Duration maxBackoff, @DefaultValue("0 0 8 * * *") String digestCron,
        @DefaultValue("Europe/Paris") String digestZone,
        @DefaultValue("PT2M") Duration lease) {
}
