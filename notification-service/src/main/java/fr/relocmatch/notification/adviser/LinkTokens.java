package fr.relocmatch.notification.adviser;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs the preferences link put in every e-mail: the token names the adviser and carries an
 * HMAC-SHA256 of it, so that only the recipient of an e-mail can change that adviser's settings.
 */
@Component
public class LinkTokens {

    private static final Logger log = LoggerFactory.getLogger(LinkTokens.class);
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;

    LinkTokens(@Value("${relocmatch.notification.link-secret:}") String configured) {
        if (configured.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.secret = random;
            log.warn("relocmatch.notification.link-secret is not set: preference links in e-mails stop working "
                    + "when this instance restarts");
        }
        else {
            this.secret = configured.getBytes(StandardCharsets.UTF_8);
        }
    }

    public String sign(String email) {
        String normalised = AdviserDirectory.normalise(email);
        return ENCODER.encodeToString(normalised.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(mac(normalised));
    }

    /** The adviser a token names, when its signature holds. */
    Optional<String> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            String email = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            return MessageDigest.isEqual(signature, mac(email)) ? Optional.of(email) : Optional.empty();
        }
        catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private byte[] mac(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(email.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
