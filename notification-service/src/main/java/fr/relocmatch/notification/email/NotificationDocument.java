package fr.relocmatch.notification.email;

import java.time.LocalDate;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of one e-mail, written before it is sent. Its id — recipient, match, and what the
 * e-mail tells of it (proposed, buyer disclosed) — makes a redelivered event, a duplicate or a later
 * version of the same match unable to send a second one; the unique index on (recipient, match,
 * version) guards the same at the version level. Before sending, the record is claimed (lease).
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
    /** Where a digest line about it leads, when not to its match's page (a reminder: the company's confirmation link). */
    private String link;
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
    private List<String> digestItems;
    private String digestId;
    /** Whether the SENT or FAILED status event reached Kafka; the relay sends it otherwise. */
    private boolean outcomePublished;
    /**
     * The instance (and run) that claimed this e-mail to send it, and until when: nobody else
     * sends it before {@code leaseUntil}. Taken atomically ({@code findAndModify}) by
     * {@code Notifier.claim}, or at insert by the consumer that records it; released by the outcome.
     */
    private String leaseOwner;
    private Instant leaseUntil;
    /**
     * The W3C {@code traceparent} of the work that recorded it (the match event's, hence the demand's
     * request): a later attempt joins that trace, and the e-mail names it ({@code X-Trace-Id}).
     */
    private String traceParent;

    NotificationDocument() {
    }

    /**
     * @param about what the e-mail tells of the match ({@code PROPOSED}, {@code BUYER_DISCLOSED}): one
     *              e-mail per recipient, match and subject, whichever version of the match told it
     */
    NotificationDocument(String recipient, String about, MatchNotice notice, ComposedEmail email, String language,
            Instant now) {
        this.id = idOf(recipient, notice.matchId() + "|" + about, 0);
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
    static NotificationDocument forDigest(String recipient, String about, MatchNotice notice, ComposedEmail email,
            String language, Instant now) {
        NotificationDocument item = new NotificationDocument(recipient, about, notice, email, language, now);
        item.status = NotificationStatus.DIGEST;
        item.nextAttemptAt = null;
        return item;
    }

    /**
     * A reminder waiting for the recipient's daily digest: one per recipient and reminder (its id
     * says the kind, company, certificate and month), however often the event comes.
     */
    static NotificationDocument reminder(String recipient, ReminderNotice notice, ComposedEmail email, String link,
            String language, Instant now) {
        NotificationDocument item = new NotificationDocument();
        item.id = idOf(recipient, "reminder:" + notice.reminderId(), 0);
        item.recipient = recipient;
        item.matchId = "reminder:" + notice.reminderId();
        item.companyId = notice.companyId();
        item.subject = email.subject();
        item.body = email.text();
        item.html = email.html();
        item.link = link;
        item.language = language;
        item.messageId = "<" + item.id + "@relocmatch>";
        item.status = NotificationStatus.DIGEST;
        item.createdAt = now;
        item.updatedAt = now;
        return item;
    }

    /** The digest of one recipient for one day, listing its items; unique per (recipient, day). */
    static NotificationDocument digest(String recipient, LocalDate day, ComposedEmail email, String language,
            List<String> items, Instant now) {
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
        digest.digestItems = List.copyOf(items);
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

    String getLink() {
        return link;
    }

    boolean isDigest() {
        return digestItems != null;
    }

    List<String> getDigestItems() {
        return digestItems;
    }

    String getDigestId() {
        return digestId;
    }

    static String idOf(String recipient, String matchId, long matchVersion) {
        return UUID.nameUUIDFromBytes((recipient + "|" + matchId + "|" + matchVersion).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Recorded while working for this trace. */
    void tracedBy(String traceParent) {
        this.traceParent = traceParent;
    }

    String getTraceParent() {
        return traceParent;
    }

    /** Claimed at creation by the one who records it. */
    void leasedTo(String owner, Instant until) {
        leaseOwner = owner;
        leaseUntil = until;
    }

    private void release() {
        leaseOwner = null;
        leaseUntil = null;
    }

    void sent(Instant now) {
        release();
        updatedAt = now;
        status = NotificationStatus.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
        nextAttemptAt = null;
    }

    void attemptFailed(String error, Instant now, Instant nextAttempt) {
        release();
        updatedAt = now;
        attempts++;
        lastError = error;
        nextAttemptAt = nextAttempt;
    }

    /** Not attempted (circuit open, rate limit): the attempt count stays. */
    void deferred(String why, Instant nextAttempt) {
        release();
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
        release();
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
