package fr.relocmatch.notification.email;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import fr.relocmatch.notification.adviser.Adviser;
import fr.relocmatch.notification.adviser.AdviserDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends each adviser who chose the daily digest one e-mail listing the matches waiting for them —
 * never an empty one, at most one a day — through the same record-then-send path as instant
 * e-mails, so an SMTP outage delays a digest without losing or doubling it.
 */
@Service
class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private final MongoTemplate mongo;
    private final NotificationRepository repository;
    private final Notifier notifier;
    private final AdviserDirectory directory;
    private final TemplateEngine templates;
    private final MessageSource messages;
    private final NotificationProperties properties;
    private final EmailLinks links;
    private final Clock clock;

    Digests(MongoTemplate mongo, NotificationRepository repository, Notifier notifier, AdviserDirectory directory,
            TemplateEngine templates, MessageSource messages, NotificationProperties properties,
            EmailLinks links, Clock clock) {
        this.links = links;
        this.mongo = mongo;
        this.repository = repository;
        this.notifier = notifier;
        this.directory = directory;
        this.templates = templates;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs at {@code relocmatch.notification.digest-cron} in {@code digest-zone}; answers the digests sent. */
    @Scheduled(cron = "${relocmatch.notification.digest-cron:0 0 8 * * *}",
            zone = "${relocmatch.notification.digest-zone:Europe/Paris}")
    int sendDigests() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(properties.digestZone())));
        Map<String, List<NotificationDocument>> waiting = mongo.find(query(where("status").is(NotificationStatus.DIGEST)
                .and("digestId").isNull()).with(Sort.by("createdAt")), NotificationDocument.class).stream()
                .collect(Collectors.groupingBy(NotificationDocument::getRecipient, LinkedHashMap::new, Collectors.toList()));
        int sent = 0;
        for (Map.Entry<String, List<NotificationDocument>> entry : waiting.entrySet()) {
            Adviser adviser = directory.preferencesOf(entry.getKey());
            List<NotificationDocument> items = entry.getValue();
            NotificationDocument digest = NotificationDocument.digest(entry.getKey(), today,
                    compose(items, today, entry.getKey(), adviser.locale()), adviser.language(),
                    items.stream().map(NotificationDocument::getId).toList(), clock.instant());
            notifier.leaseNew(digest);
            try {
                repository.insert(digest);
            }
            catch (DuplicateKeyException alreadyToday) {
                continue; // today's digest is out; these wait for tomorrow's
            }
            items.forEach(item -> {
                item.includedIn(digest.getId());
                repository.save(item);
            });
            notifier.attempt(digest);
            sent++;
        }
        if (sent > 0) {
            log.info("Sent {} daily digest(s)", sent);
        }
        return sent;
    }

    private ComposedEmail compose(List<NotificationDocument> items, LocalDate day, String recipient, Locale locale) {
        String subject = messages.getMessage("digest.subject", new Object[] {items.size(), day}, locale);
        Context context = new Context(locale);
        context.setVariable("language", locale.getLanguage());
        context.setVariable("subject", subject);
        context.setVariable("count", items.size());
        context.setVariable("preferencesUrl", links.preferences(recipient));
        context.setVariable("unsubscribeUrl", links.unsubscribe(recipient));
        context.setVariable("items", items.stream().map(item -> Map.of("title", item.getSubject(),
                "url", item.getLink() != null ? item.getLink() : links.match(item.getMatchId()))).toList());
        return new ComposedEmail(subject, templates.process("email/digest.txt", context),
                templates.process("email/digest", context));
    }
}
