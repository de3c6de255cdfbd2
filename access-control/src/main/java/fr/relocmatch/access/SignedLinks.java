package fr.relocmatch.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The tokens of the links e-mails carry, opened without a login: a token names its subject (an
 * adviser's e-mail, a company id) and when it expires, with an HMAC-SHA256 of both and of what
 * the link is for, so that it opens only that page, for that subject, until then.
 * <p>
 * The keys are the configuration's ({@code relocmatch.notification.link-keys}), the same on
 * every instance and on every service that signs or opens such links: the first signs, every one
 * verifies. To rotate, put the new key first and keep the old one after it for a link lifetime;
 * then remove it.
 */
public final class SignedLinks {

    /** An HMAC-SHA256 key shorter than its output weakens it (RFC 2104). */
    public static final int MIN_KEY_BYTES = 32;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String purpose;
    private final List<byte[]> keys;
    private final Duration lifetime;
    private final Clock clock;

    /**
     * @param purpose what the links open; part of what is signed, so that a token of one purpose
     *                opens nothing else. The preferences links, older than purposes, have none ("").
     * @throws IllegalStateException without a key, or with a key shorter than {@value #MIN_KEY_BYTES} bytes
     */
    public SignedLinks(String purpose, List<String> keys, Duration lifetime, Clock clock) {
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
        this.purpose = purpose;
        this.keys = configured.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** A token for this subject, signed with the first key, valid for the link lifetime. */
    public String sign(String subject) {
        String expires = String.valueOf(expiryOfNewLinks().getEpochSecond());
        return encode(subject) + "." + encode(expires) + "." + ENCODER.encodeToString(mac(keys.get(0), subject, expires));
    }

    /** When a link signed now stops opening. */
    public Instant expiryOfNewLinks() {
        return clock.instant().plus(lifetime);
    }

    /** What a presented token says. */
    public sealed interface Verdict {
        /** Signed by one of the keys for this purpose, and not expired: the subject it names, and until when. */
        record Valid(String subject, Instant expires) implements Verdict {
        }

        /** Signed, but older than its lifetime. */
        record Expired() implements Verdict {
        }

        /** Not a token of ours for this purpose: forged, altered, truncated, or signed by a key no longer configured. */
        record Invalid() implements Verdict {
        }
    }

    public Verdict verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            return new Verdict.Invalid();
        }
        try {
            String subject = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            String expires = new String(DECODER.decode(parts[1]), StandardCharsets.UTF_8);
            byte[] signature = DECODER.decode(parts[2]);
            boolean signed = keys.stream().anyMatch(key -> MessageDigest.isEqual(signature, mac(key, subject, expires)));
            if (!signed) {
                return new Verdict.Invalid();
            }
            Instant expiry = Instant.ofEpochSecond(Long.parseLong(expires));
            return expiry.isAfter(clock.instant()) ? new Verdict.Valid(subject, expiry) : new Verdict.Expired();
        }
        catch (IllegalArgumentException notBase64OrNotANumber) {
            return new Verdict.Invalid();
        }
    }

    /**
     * A valid token's subject and expiry; otherwise a 403 problem titled "Expired {what} link" or
     * "Invalid {what} link", its detail ending with {@code advice} (where to find a good one).
     */
    public Verdict.Valid validOrRefuse(String token, String what, String advice) {
        return switch (verify(token)) {
            case Verdict.Valid valid -> valid;
            case Verdict.Expired() -> throw refused("Expired " + what + " link", "This " + what + " link has expired; " + advice);
            case Verdict.Invalid() -> throw refused("Invalid " + what + " link", "This " + what + " link is not valid; " + advice);
        };
    }

    private static ErrorResponseException refused(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle(title);
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }

    private static String encode(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(byte[] key, String subject, String expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String signed = (purpose.isEmpty() ? "" : purpose + "\n") + subject + "\n" + expires;
            return mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
