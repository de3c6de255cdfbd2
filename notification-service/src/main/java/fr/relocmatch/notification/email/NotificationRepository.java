package fr.relocmatch.notification.email;

import org.springframework.data.mongodb.repository.MongoRepository;

/** The e-mail records; claims and due work go through MongoTemplate in {@link Notifier}. */
interface NotificationRepository extends MongoRepository<NotificationDocument, String> {
}
