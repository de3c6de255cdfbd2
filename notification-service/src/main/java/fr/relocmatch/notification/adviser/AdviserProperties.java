package fr.relocmatch.notification.adviser;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Advisers seeded at start-up (entries already in the directory are left as they are, so that
 * preferences changed through the API survive a restart).
 */
@ConfigurationProperties("relocmatch.notification")
record AdviserProperties(@DefaultValue List<Seed> advisers) {

    /** One seeded adviser. */
    record Seed(String email, String name, List<String> regions, @DefaultValue("fr") String language,
            @DefaultValue("INSTANT") Delivery delivery, @DefaultValue("0") double minScore) {
    }
}
