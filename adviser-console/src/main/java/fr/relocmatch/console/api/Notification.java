package fr.relocmatch.console.api;

import java.time.Instant;

/** One e-mail notification-service sent, or is sending, to the signed-in adviser. */
public record Notification(String id, String recipient, String matchId, long matchVersion, String demandId,
        String subject, String status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
}
