package fr.relocmatch.notification.email;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of one e-mail, written before it is sent. Its unique key (recipient, match, match
 * version) is what makes a redelivered or duplicated event unable to send a second e-mail.
 */
@Document("notifications")
@CompoundIndex(name = "one_email_per_recipient_and_match_version", def = "{'recipient': 1, 'matchId': 1, 'matchVersion': 1}",
        unique = true)
class NotificationDocument {

    @Id
    private String id;
    private String recipient;
    private String matchId;
    private long matchVersion;
    private String demandId;
    private String companyId;
    private String subject;
    private String body;
    private String messageId;
    private NotificationStatus status;
    private int attempts;
    private String lastError;
    private Instant createdAt;
    private Instant nextAttemptAt;
    private Instant sentAt;
    private Instant updatedAt;
    /** Whether the SENT or FAILED status event reached Kafka; the relay sends it otherwise. */
    private boolean outcomePublished;

    NotificationDocument() {
    }

    NotificationDocument(String recipient, MatchNotice notice, String subject, String body, Instant now) {
        this.id = idOf(recipient, notice.matchId(), notice.version());
        this.recipient = recipient;
        this.matchId = notice.matchId();
        this.matchVersion = notice.version();
        this.demandId = notice.demandId();
        this.companyId = notice.companyId();
        this.subject = subject;
        this.body = body;
        // Stable across retries: a mail server or client that sees it twice knows it is one message.
        this.messageId = "<" + id + "@relocmatch>";
        this.status = NotificationStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
        this.nextAttemptAt = now;
    }

    static String idOf(String recipient, String matchId, long matchVersion) {
        return UUID.nameUUIDFromBytes((recipient + "|" + matchId + "|" + matchVersion).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    void sent(Instant now) {
        updatedAt = now;
        status = NotificationStatus.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
        nextAttemptAt = null;
    }

    void attemptFailed(String error, Instant now, Instant nextAttempt) {
        updatedAt = now;
        attempts++;
        lastError = error;
        nextAttemptAt = nextAttempt;
    }

    /** Not attempted (circuit open, rate limit): the attempt count stays. */
    void deferred(String why, Instant nextAttempt) {
        lastError = why;
        nextAttemptAt = nextAttempt;
    }

    void outcomePublished() {
        outcomePublished = true;
    }

    boolean isOutcomePublished() {
        return outcomePublished;
    }

    void failed(String error, Instant now) {
        updatedAt = now;
        attempts++;
        status = NotificationStatus.FAILED;
        lastError = error;
        nextAttemptAt = null;
    }

    String getId() {
        return id;
    }

    String getRecipient() {
        return recipient;
    }

    String getMatchId() {
        return matchId;
    }

    long getMatchVersion() {
        return matchVersion;
    }

    String getDemandId() {
        return demandId;
    }

    String getCompanyId() {
        return companyId;
    }

    String getSubject() {
        return subject;
    }

    String getBody() {
        return body;
    }

    String getMessageId() {
        return messageId;
    }

    NotificationStatus getStatus() {
        return status;
    }

    int getAttempts() {
        return attempts;
    }

    String getLastError() {
        return lastError;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    Instant getSentAt() {
        return sentAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
