package fr.relocmatch.notification.email;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationRepository extends MongoRepository<NotificationDocument, String> {

    List<NotificationDocument> findTop100ByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAtAsc(
            NotificationStatus status, Instant now);
}
