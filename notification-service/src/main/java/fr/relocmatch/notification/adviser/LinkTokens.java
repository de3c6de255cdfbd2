package fr.relocmatch.notification.adviser;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs the preferences link put in every e-mail: the token names the adviser and when the link
 * expires, with an HMAC-SHA256 of both, so that only the recipient of an e-mail can change that
 * adviser's settings, and only for {@code relocmatch.notification.link-lifetime} (30 days).
 * <p>
 * The keys come from configuration ({@code relocmatch.notification.link-keys}), the same on every
 * instance: the first signs, every one verifies. To rotate, put the new key first and keep the old
 * one after it for a link lifetime; then remove it. There is no random key per start: an instance
 * without keys does not start.
 */
@Component
public class LinkTokens {

    /** An HMAC-SHA256 key shorter than its output weakens it (RFC 2104). */
    static final int MIN_KEY_BYTES = 32;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final List<byte[]> keys;
    private final Duration lifetime;
    private final Clock clock;

    LinkTokens(@Value("${relocmatch.notification.link-keys:}") List<String> keys,
            @Value("${relocmatch.notification.link-lifetime:P30D}") Duration lifetime, Clock clock) {
        List<String> configured = keys.stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
        if (configured.isEmpty()) {
            throw new IllegalStateException("relocmatch.notification.link-keys is not set: give every instance the same "
                    + "key(s) of at least " + MIN_KEY_BYTES + " bytes (environment RELOCMATCH_NOTIFICATION_LINK_KEYS, "
                    + "comma-separated, the signing key first)");
        }
        if (configured.stream().anyMatch(key -> key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES)) {
            throw new IllegalStateException("every key of relocmatch.notification.link-keys needs at least "
                    + MIN_KEY_BYTES + " bytes");
        }
        this.keys = configured.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A link token for this adviser, signed with the first key, valid for the link lifetime. */
    public String sign(String email) {
        String normalised = AdviserDirectory.normalise(email);
        String expires = String.valueOf(clock.instant().plus(lifetime).getEpochSecond());
        return encode(normalised) + "." + encode(expires) + "." + ENCODER.encodeToString(mac(keys.get(0), normalised, expires));
    }

    /** What a presented token says. */
    sealed interface Verdict {
        /** Signed by one of the keys and not expired: the adviser it names. */
        record Valid(String email) implements Verdict {
        }

        /** Signed, but older than its lifetime. */
        record Expired() implements Verdict {
        }

        /** Not a token of ours: forged, altered, truncated, or signed by a key no longer configured. */
        record Invalid() implements Verdict {
        }
    }

    Verdict verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            return new Verdict.Invalid();
        }
        try {
            String email = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            String expires = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(parts[2]);
            boolean signed = keys.stream().anyMatch(key -> MessageDigest.isEqual(signature, mac(key, email, expires)));
            if (!signed) {
                return new Verdict.Invalid();
            }
            return Instant.ofEpochSecond(Long.parseLong(expires)).isAfter(clock.instant()) ? new Verdict.Valid(email)
                    : new Verdict.Expired();
        }
        catch (IllegalArgumentException notBase64OrNotANumber) {
            return new Verdict.Invalid();
        }
    }

    /** The adviser a valid token names. */
    Optional<String> adviser(String token) {
        return verify(token) instanceof Verdict.Valid(String email) ? Optional.of(email) : Optional.empty();
    }

    private static String encode(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(byte[] key, String email, String expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal((email + "\n" + expires).getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
