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
    private String html;
    private String language;
    private String messageId;
    private NotificationStatus status;
    private int attempts;
    private String lastError;
    private Instant createdAt;
    private Instant nextAttemptAt;
    private Instant sentAt;
    private Instant updatedAt;
    /** For a digest: the notifications it lists. For an item: the digest that carried it. */
    private java.util.List<String> digestItems;
    private String digestId;
    /** Whether the SENT or FAILED status event reached Kafka; the relay sends it otherwise. */
    private boolean outcomePublished;

    NotificationDocument() {
    }

    NotificationDocument(String recipient, MatchNotice notice, ComposedEmail email, String language, Instant now) {
        this.id = idOf(recipient, notice.matchId(), notice.version());
        this.recipient = recipient;
        this.matchId = notice.matchId();
        this.matchVersion = notice.version();
        this.demandId = notice.demandId();
        this.companyId = notice.companyId();
        this.subject = email.subject();
        this.body = email.text();
        this.html = email.html();
        this.language = language;
        // Stable across retries: a mail server or client that sees it twice knows it is one message.
        this.messageId = "<" + id + "@relocmatch>";
        this.status = NotificationStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
        this.nextAttemptAt = now;
    }

    /** A notification that waits for the recipient's daily digest instead of going at once. */
    static NotificationDocument forDigest(String recipient, MatchNotice notice, ComposedEmail email, String language,
            Instant now) {
        NotificationDocument item = new NotificationDocument(recipient, notice, email, language, now);
        item.status = NotificationStatus.DIGEST;
        item.nextAttemptAt = null;
        return item;
    }

    /** The digest of one recipient for one day, listing its items; unique per (recipient, day). */
    static NotificationDocument digest(String recipient, java.time.LocalDate day, ComposedEmail email, String language,
            java.util.List<String> items, Instant now) {
        NotificationDocument digest = new NotificationDocument();
        digest.id = idOf(recipient, "digest:" + day, 0);
        digest.recipient = recipient;
        digest.matchId = "digest:" + day;
        digest.matchVersion = 0;
        digest.subject = email.subject();
        digest.body = email.text();
        digest.html = email.html();
        digest.language = language;
        digest.messageId = "<" + digest.id + "@relocmatch>";
        digest.status = NotificationStatus.PENDING;
        digest.createdAt = now;
        digest.updatedAt = now;
        digest.nextAttemptAt = now;
        digest.digestItems = java.util.List.copyOf(items);
        return digest;
    }

    /** Marks an item with the outcome of the digest that listed it. */
    void deliveredBy(NotificationDocument digest) {
        digestId = digest.getId();
        status = digest.getStatus();
        sentAt = digest.getSentAt();
        lastError = digest.getLastError();
        updatedAt = digest.getUpdatedAt();
    }

    /** Taken into a digest that is on its way. */
    void includedIn(String digest) {
        digestId = digest;
    }

    boolean isDigest() {
        return digestItems != null;
    }

    java.util.List<String> getDigestItems() {
        return digestItems;
    }

    String getDigestId() {
        return digestId;
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

    String getHtml() {
        return html;
    }

    String getLanguage() {
        return language;
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
