package fr.relocmatch.notification.email;

import java.time.Instant;

/** A recorded e-mail as the REST API shows it: whole to its recipient, its delivery only to others. */
record NotificationView(String id, String recipient, String matchId, long matchVersion, String demandId,
        String companyId, String language, String subject, String body, String messageId, NotificationStatus status, int attempts,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

    static NotificationView of(NotificationDocument n) {
        return new NotificationView(n.getId(), n.getRecipient(), n.getMatchId(), n.getMatchVersion(), n.getDemandId(),
                n.getCompanyId(), n.getLanguage(), n.getSubject(), n.getBody(), n.getMessageId(), n.getStatus(), n.getAttempts(),
                n.getLastError(), n.getCreatedAt(), n.getNextAttemptAt(), n.getSentAt());
    }

    /** Who was told of what and when, without the subject and body (they carry the recipient's signed link). */
    static NotificationView deliveryOf(NotificationDocument n) {
        return new NotificationView(n.getId(), n.getRecipient(), n.getMatchId(), n.getMatchVersion(), n.getDemandId(),
                n.getCompanyId(), n.getLanguage(), null, null, n.getMessageId(), n.getStatus(), n.getAttempts(),
                n.getLastError(), n.getCreatedAt(), n.getNextAttemptAt(), n.getSentAt());
    }
}
