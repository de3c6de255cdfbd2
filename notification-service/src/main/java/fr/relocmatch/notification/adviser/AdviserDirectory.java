package fr.relocmatch.notification.adviser;

import java.util.Comparator;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** The advisers known to this instance, with their preferences. */
@Service
public class AdviserDirectory {

    private static final Logger log = LoggerFactory.getLogger(AdviserDirectory.class);

    private final MongoTemplate mongo;
    private final AdviserProperties properties;

    AdviserDirectory(MongoTemplate mongo, AdviserProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** The adviser's preferences, or the defaults for an address not in the directory. */
    public Adviser preferencesOf(String email) {
        String key = normalise(email);
        return find(key).orElseGet(() -> Adviser.byDefault(key));
    }

    public Optional<Adviser> find(String email) {
        return Optional.ofNullable(mongo.findById(normalise(email), Adviser.class));
    }

    List<Adviser> all() {
        return mongo.findAll(Adviser.class).stream().sorted(Comparator.comparing(Adviser::email)).toList();
    }

    Adviser save(Adviser adviser) {
        return mongo.save(adviser);
    }

    boolean delete(String email) {
        return mongo.remove(Query.query(
                Criteria.where("_id").is(normalise(email))), Adviser.class)
                .getDeletedCount() > 0;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        int seeded = 0;
        for (AdviserProperties.Seed seed : properties.advisers()) {
            String email = normalise(seed.email());
            if (find(email).isEmpty()) {
                save(new Adviser(email, seed.name(), seed.regions() == null ? List.of() : seed.regions(),
                        seed.language(), seed.delivery(), seed.minScore()));
                seeded++;
            }
        }
        if (seeded > 0) {
            log.info("Seeded {} adviser(s) from configuration", seeded);
        }
    }

    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
