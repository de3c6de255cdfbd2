package fr.relocmatch.notification.adviser;

import java.util.List;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A CCI adviser and their preferences.
 *
 * @param email    lower-case e-mail, the id
 * @param language {@code fr} or {@code en}
 * @param minScore matches scoring below it are not e-mailed to this adviser
 */
@Document("advisers")
public record Adviser(@Id String email, String name, List<String> regions, String language, Delivery delivery,
        double minScore) {

    /** What an adviser not in the directory gets: French, instant, every match. */
    public static Adviser byDefault(String email) {
        return new Adviser(email, null, List.of(), "fr", Delivery.INSTANT, 0);
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
