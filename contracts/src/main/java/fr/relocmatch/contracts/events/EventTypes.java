package fr.relocmatch.contracts.events;

/**
 * CloudEvents {@code ce_type} values. A breaking change to a body gets a new type and a new topic
 * version; additive changes keep these names.
 */
public final class EventTypes {

    /** Snapshot of a company profile after a change; body: company profile, key: company id. */
    public static final String COMPANY_PROFILE_UPDATED = "fr.relocmatch.company.CompanyProfileUpdated.v1";
    /** Snapshot of a relocation demand after a change; body: demand, key: demand id. */
    /** A tombstone on the companies topic: the profile was deleted and its data erased. */
    public static final String COMPANY_PROFILE_DELETED = "fr.relocmatch.company.CompanyProfileDeleted.v1";
    public static final String DEMAND_UPDATED = "fr.relocmatch.demand.DemandUpdated.v1";
    /** A supplier entered the candidates of a demand. */
    public static final String MATCH_PROPOSED = "fr.relocmatch.matching.MatchProposed.v1";
    /** The score or explanation of a proposed match moved. */
    public static final String MATCH_UPDATED = "fr.relocmatch.matching.MatchUpdated.v1";
    /** A proposed match no longer holds: a gate fails, the demand closed or the profile left. */
    public static final String MATCH_WITHDRAWN = "fr.relocmatch.matching.MatchWithdrawn.v1";

    /** An adviser accepted or rejected a match (on the matches topic, the match after the decision). */
    /** An accepted match of a confidential demand now names the buyer, for the supplier's side. */
    public static final String MATCH_BUYER_DISCLOSED = "fr.relocmatch.matching.MatchBuyerDisclosed.v1";
    public static final String MATCH_DECIDED = "fr.relocmatch.matching.MatchDecided.v1";

    private EventTypes() {
    }
}
