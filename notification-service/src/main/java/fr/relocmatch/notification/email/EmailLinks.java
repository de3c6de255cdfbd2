package fr.relocmatch.notification.email;

import fr.relocmatch.notification.adviser.LinkTokens;

import org.springframework.stereotype.Component;

/**
 * The links of the e-mails, all to the adviser console ({@code relocmatch.notification.console-url}):
 * a match's page asks for a login; the preferences and unsubscribe pages, and the page where a
 * company confirms its profile, are opened by the signed token alone, as an e-mail link must be.
 */
@Component
class EmailLinks {

    private final String console;
    private final LinkTokens tokens;

    EmailLinks(NotificationProperties properties, LinkTokens tokens) {
        this.console = properties.consoleUrl().replaceAll("/+$", "");
        this.tokens = tokens;
    }

    String match(String matchId) {
        return console + "/matches/" + matchId;
    }

    /**
     * The page where the company confirms its profile is still accurate, in one click, signed for
     * that company and opened without a login; the adviser forwards it.
     */
    String confirmProfile(String companyId) {
        return console + "/confirm-profile?token=" + tokens.signProfileConfirmation(companyId);
    }

    /** The recipient's own preferences, signed for them. */
    String preferences(String recipient) {
        return console + "/preferences?token=" + tokens.sign(recipient);
    }

    /**
     * The one-click unsubscribe of RFC 8058: a page asking to confirm when opened, and the URL of the
     * {@code List-Unsubscribe} header that mail clients POST to.
     */
    String unsubscribe(String recipient) {
        return console + "/unsubscribe?token=" + tokens.sign(recipient);
    }
}
