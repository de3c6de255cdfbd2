package fr.relocmatch.notification.email;

import java.time.Instant;

/** A recorded e-mail as the REST API shows it. */
record NotificationView(String id, String recipient, String matchId, long matchVersion, String demandId,
        String companyId, String language, String subject, String body, String messageId, NotificationStatus status, int attempts,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

    static NotificationView of(NotificationDocument n) {
        return new NotificationView(n.getId(), n.getRecipient(), n.getMatchId(), n.getMatchVersion(), n.getDemandId(),
                n.getCompanyId(), n.getLanguage(), n.getSubject(), n.getBody(), n.getMessageId(), n.getStatus(), n.getAttempts(),
                n.getLastError(), n.getCreatedAt(), n.getNextAttemptAt(), n.getSentAt());
    }
}
