package fr.relocmatch.notification.email;

import fr.relocmatch.access.InstanceRegion;
import fr.relocmatch.notification.adviser.AdviserDirectory;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;

import fr.relocmatch.access.Caller;
import fr.relocmatch.access.Role;

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
    private final String region;

    NotificationController(MongoTemplate mongo, InstanceRegion region) {
        this.mongo = mongo;
        this.region = region.code();
    }

    /**
     * Filters combine; at most the 500 newest are answered. An adviser sees only their own e-mails;
     * the région's admins and auditors see every e-mail's delivery, but the subject, body and signed
     * link only of their own.
     */
    @GetMapping
    List<NotificationView> list(@RequestParam(required = false) String recipient,
            @RequestParam(required = false) String matchId, @RequestParam(required = false) NotificationStatus status) {
        Caller caller = Caller.current();
        boolean overseer = caller.is(Role.REGION_ADMIN, region) || caller.is(Role.AUDITOR, region);
        Caller.require(overseer || caller.has(Role.ADVISER) && caller.email() != null,
                "E-mails are read by their recipient and by the région's admins and auditors");
        if (!overseer) {
            Caller.require(recipient == null || caller.isPerson(recipient), "An adviser reads only their own e-mails");
            recipient = caller.email();
        }
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(LIMIT);
        if (recipient != null) {
            query.addCriteria(where("recipient").is(AdviserDirectory.normalise(recipient)));
        }
        if (matchId != null) {
            query.addCriteria(where("matchId").is(matchId));
        }
        if (status != null) {
            query.addCriteria(where("status").is(status));
        }
        return mongo.find(query, NotificationDocument.class).stream()
                .map(notification -> caller.isPerson(notification.getRecipient()) ? NotificationView.of(notification)
                        : NotificationView.deliveryOf(notification))
                .toList();
    }
}
