package fr.relocmatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the services need to know about access: the issuer whose tokens they accept, and the keys
 * notification-service signs the links of its e-mails with, and company-service opens the profile
 * confirmation links with (the same for every instance).
 *
 * @param issuerUri the OpenID Connect issuer
 * @param linkKeys comma-separated HMAC keys, the signing one first
 */
public record Access(String issuerUri, String linkKeys) {

    /** The properties of one service. */
    Map<String, String> properties(String service) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri);
        if (service.equals("notification-service") || service.equals("company-service")) {
            // notification-service signs the links of its e-mails; company-service opens the profile confirmation ones
            properties.put("relocmatch.notification.link-keys", linkKeys);
        }
        return properties;
    }

    /**
     * The link key kept in {@code file}, drawn on first start and kept across restarts so that the
     * links in e-mails already sent go on working.
     */
    public static String linkKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, key + System.lineSeparator(), StandardCharsets.UTF_8);
            return key;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the preferences link key in " + file, e);
        }
    }
}
