package fr.relocmatch.notification.email;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Locale;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the e-mails recorded and sent, newest first. */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private static final int LIMIT = 500;

    private final MongoTemplate mongo;

    NotificationController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Filters combine; at most the 500 newest are answered. */
    @GetMapping
    List<NotificationView> list(@RequestParam(required = false) String recipient,
            @RequestParam(required = false) String matchId, @RequestParam(required = false) NotificationStatus status) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(LIMIT);
        if (recipient != null) {
            query.addCriteria(where("recipient").is(recipient.strip().toLowerCase(Locale.ROOT)));
        }
        if (matchId != null) {
            query.addCriteria(where("matchId").is(matchId));
        }
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        return mongo.find(query, NotificationDocument.class).stream().map(NotificationView::of).toList();
    }
}
