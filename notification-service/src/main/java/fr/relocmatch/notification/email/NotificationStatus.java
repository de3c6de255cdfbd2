package fr.relocmatch.notification.email;

/** Where an e-mail stands. */
enum NotificationStatus {
    /** Recorded, not yet accepted by the SMTP server; retried until sent or given up. */
    PENDING,
    /** Waiting for the adviser's daily digest. */
    DIGEST,
    SENT,
    /** Refused for good, or still undelivered after the give-up age. */
    FAILED
}
