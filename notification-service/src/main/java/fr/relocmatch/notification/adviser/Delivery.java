package fr.relocmatch.notification.adviser;

/** How an adviser wants match e-mails. */
public enum Delivery {
    /** One e-mail per match, as soon as it is proposed. */
    INSTANT,
    /** One e-mail a day listing the day's matches. */
    DAILY_DIGEST,
    /** No match e-mails (unsubscribed). */
    NONE
}
