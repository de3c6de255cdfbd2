package fr.relocmatch.notification.email;

import java.util.function.Predicate;

/**
 * The failures worth retrying and counting against the SMTP circuit: timeouts, refused
 * connections, 4xx answers. A 5xx answer or an unbuildable message is permanent. Named in
 * application.yml ({@code retry-exception-predicate}, {@code record-failure-predicate}).
 */
public class TransientSmtpFailure implements Predicate<Throwable> {

    @Override
    public boolean test(Throwable failure) {
        return failure instanceof Exception exception && !MatchMailer.isPermanent(exception);
    }
}
