package fr.relocmatch.contracts.events;

/**
 * CloudEvents {@code ce_type} values. A breaking change to a body gets a new type and a new topic
 * version; additive changes keep these names.
 */
public final class EventTypes {

    /** Snapshot of a company profile after a change; body: company profile, key: company id. */
    public static final String COMPANY_PROFILE_UPDATED = "fr.relocmatch.company.CompanyProfileUpdated.v1";
    /** A tombstone on the companies topic: the profile was deleted and its data erased. */
    public static final String COMPANY_PROFILE_DELETED = "fr.relocmatch.company.CompanyProfileDeleted.v1";
    /** Snapshot of a relocation demand after a change; body: demand, key: demand id. */
    public static final String DEMAND_UPDATED = "fr.relocmatch.demand.DemandUpdated.v1";
    /** A supplier entered the candidates of a demand. */
    public static final String MATCH_PROPOSED = "fr.relocmatch.matching.MatchProposed.v1";
    /** The score or explanation of a proposed match moved. */
    public static final String MATCH_UPDATED = "fr.relocmatch.matching.MatchUpdated.v1";
    /** A proposed match no longer holds: a gate fails, the demand closed or the profile left. */
    public static final String MATCH_WITHDRAWN = "fr.relocmatch.matching.MatchWithdrawn.v1";

    /** An accepted match of a confidential demand now names the buyer, for the supplier's side. */
    public static final String MATCH_BUYER_DISCLOSED = "fr.relocmatch.matching.MatchBuyerDisclosed.v1";
    /** An adviser accepted or rejected a match: on the matches topic the match after it, on the decisions topic the decision. */
    public static final String MATCH_DECIDED = "fr.relocmatch.matching.MatchDecided.v1";
    /**
     * A step of an accepted match's outcome (contact made, quote sent, agreement signed, production
     * started, abandoned): on the matches topic the match after it, on the decisions topic the step.
     */
    public static final String MATCH_OUTCOME_RECORDED = "fr.relocmatch.matching.MatchOutcomeRecorded.v1";
    /** The e-mail to one adviser about one match version was sent. */
    /** A supplier's adviser is reminded this month of a stale profile or an expiring certificate (matching-service). */
    public static final String PROFILE_REMINDER = "fr.relocmatch.matching.ProfileReminder.v1";

    public static final String NOTIFICATION_SENT = "fr.relocmatch.notification.NotificationSent.v1";
    /** The e-mail to one adviser about one match version was refused for good or given up. */
    public static final String NOTIFICATION_FAILED = "fr.relocmatch.notification.NotificationFailed.v1";
    /** A partner submits a company profile on the companies inbox. */
    public static final String PARTNER_COMPANY_SUBMITTED = "fr.relocmatch.partner.CompanyProfileSubmitted.v1";
    /** A partner submits a relocation demand on the demands inbox. */
    public static final String PARTNER_DEMAND_SUBMITTED = "fr.relocmatch.partner.DemandSubmitted.v1";
    /** A partner records the next outcome step of an accepted match of a demand it submitted. */
    public static final String PARTNER_MATCH_OUTCOME_SUBMITTED = "fr.relocmatch.partner.MatchOutcomeSubmitted.v1";
    /** A partner's message was accepted: it is now a profile, a demand or an outcome step. */
    public static final String PARTNER_SUBMISSION_ACCEPTED = "fr.relocmatch.partner.SubmissionAccepted.v1";
    /** A partner's message was rejected (and dead-lettered) with the reason. */
    public static final String PARTNER_SUBMISSION_REJECTED = "fr.relocmatch.partner.SubmissionRejected.v1";

    private EventTypes() {
    }
}
