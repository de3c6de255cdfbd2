package fr.relocmatch.notification.adviser;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import fr.relocmatch.access.SignedLinks;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs the links e-mails carry ({@link SignedLinks}, keys {@code relocmatch.notification.link-keys},
 * lifetime {@code relocmatch.notification.link-lifetime}, 30 days): the preferences and unsubscribe
 * link, for the adviser it is sent to, so that only the recipient of an e-mail can change that
 * adviser's settings; and the link a reminder gives for a company to confirm its profile, which
 * company-service opens with the same keys. There is no random key per start: an instance without
 * keys does not start.
 */
@Component
public class LinkTokens {

    /** What a profile confirmation link opens; company-service verifies it with the same purpose. */
    public static final String PROFILE_CONFIRMATION = "confirm-profile";

    private final SignedLinks preferences;
    private final SignedLinks confirmations;

    LinkTokens(@Value("${relocmatch.notification.link-keys:}") List<String> keys,
            @Value("${relocmatch.notification.link-lifetime:P30D}") Duration lifetime, Clock clock) {
        this.preferences = new SignedLinks("", keys, lifetime, clock);
        this.confirmations = new SignedLinks(PROFILE_CONFIRMATION, keys, lifetime, clock);
    }

    /** A preferences link token for this adviser, signed with the first key, valid for the link lifetime. */
    public String sign(String email) {
        return preferences.sign(AdviserDirectory.normalise(email));
    }

    /** A token with which the company confirms its profile, valid for the link lifetime. */
    public String signProfileConfirmation(String companyId) {
        return confirmations.sign(companyId);
    }

    /** What a presented preferences token says. */
    SignedLinks.Verdict verify(String token) {
        return preferences.verify(token);
    }

    /** The adviser a valid preferences token names; a 403 problem saying why otherwise. */
    String adviserOrRefuse(String token) {
        return preferences.validOrRefuse(token, "preferences", "use the one in your latest RelocMatch e-mail.").subject();
    }

    /** The adviser a valid token names. */
    Optional<String> adviser(String token) {
        return verify(token) instanceof SignedLinks.Verdict.Valid valid ? Optional.of(valid.subject()) : Optional.empty();
    }
}
