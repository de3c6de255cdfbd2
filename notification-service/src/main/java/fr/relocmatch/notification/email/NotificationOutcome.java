package fr.relocmatch.notification.email;

import java.time.Instant;

/**
 * Body of NotificationSent and NotificationFailed events, keyed by match id: what became of the
 * e-mail to one adviser about one match version.
 */
record NotificationOutcome(String notificationId, String recipient, String matchId, long matchVersion,
        String demandId, String companyId, NotificationStatus status, int attempts, String error, Instant at) {

    static NotificationOutcome of(NotificationDocument n) {
        return new NotificationOutcome(n.getId(), n.getRecipient(), n.getMatchId(), n.getMatchVersion(),
                n.getDemandId(), n.getCompanyId(), n.getStatus(), n.getAttempts(), n.getLastError(),
                n.getStatus() == NotificationStatus.SENT ? n.getSentAt() : n.getUpdatedAt());
    }
}
