package fr.relocmatch.matching.match;

import fr.relocmatch.contracts.events.EventIds;
import java.time.Instant;
import java.util.List;

import fr.relocmatch.state.events.PublishedDocument;
import fr.relocmatch.matching.domain.Candidate;
import fr.relocmatch.matching.domain.Demand;
import fr.relocmatch.matching.domain.ScorePart;

import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** One SME–demand pair that is, or was, among the candidates of the demand. */
@Document("matches")
class MatchDocument extends PublishedDocument {

    @Indexed
    private String demandId;
    private long demandVersion;
    private String demandTitle;
    private String buyerName;
    private String demandAdviserEmail;
    @Indexed
    private String companyId;
    private long companyVersion;
    private String companyName;
    private String supplierAdviserEmail;
    /** Régions owning the demand and the supplier's profile: each région's instance e-mails its own advisers. */
    private String demandRegion;
    private String supplierRegion;
    private MatchStatus status;
    private MatchChange lastChange;
    private String reason;
    private String decidedBy;
    /** Whether the MatchDecided event reached the decisions topic; the relay sends it otherwise. */
    private boolean decisionPublished;
    private Instant decidedAt;
    private double score;
    private int rank;
    /** Null when the demand gives no delivery site: a distance from nowhere means nothing. */
    private Double distanceKm;
    private List<ScorePart> explanation;
    private Instant createdAt;

    MatchDocument() {
    }

    /** The id of a pair never changes: one document per (demand, company). */
    static String idOf(String demandId, String companyId) {
        return EventIds.of(demandId, companyId).toString();
    }

    static MatchDocument proposed(Demand demand, Candidate candidate, Instant now) {
        MatchDocument match = new MatchDocument();
        match.id = idOf(demand.id(), candidate.supplier().id());
        match.demandId = demand.id();
        match.companyId = candidate.supplier().id();
        match.createdAt = now;
        match.propose(demand, candidate, now);
        return match;
    }

    /** Enters (or re-enters) the candidates. */
    void propose(Demand demand, Candidate candidate, Instant now) {
        refresh(demand, candidate, now);
        status = MatchStatus.PROPOSED;
        lastChange = MatchChange.PROPOSED;
        reason = null;
    }

    /** Stays among the candidates with a new score or rank. */
    void update(Demand demand, Candidate candidate, Instant now) {
        refresh(demand, candidate, now);
        lastChange = MatchChange.UPDATED;
    }

    void withdraw(String why, Instant now) {
        status = MatchStatus.WITHDRAWN;
        lastChange = MatchChange.WITHDRAWN;
        reason = why;
        updatedAt = now;
    }

    /**
     * Records an adviser's decision.
     *
     * @throws IllegalStateException when the match is not PROPOSED
     */
    void decide(MatchStatus decision, String why, String adviser, Instant now) {
        if (status != MatchStatus.PROPOSED) {
            throw new IllegalStateException("match " + id + " is " + status + "; only a PROPOSED match can be decided");
        }
        status = decision;
        lastChange = MatchChange.DECIDED;
        reason = why;
        decidedBy = adviser;
        decidedAt = now;
        updatedAt = now;
    }

    /**
     * Names the buyer of a confidential demand on this accepted match; answers false when there is
     * nothing to do (not accepted, another supplier, already named).
     */
    boolean discloseBuyer(String forCompanyId, String name, Instant now) {
        if (status != MatchStatus.ACCEPTED || !companyId.equals(forCompanyId) || name == null || name.equals(buyerName)) {
            return false;
        }
        buyerName = name;
        lastChange = MatchChange.BUYER_DISCLOSED;
        updatedAt = now;
        return true;
    }

    /** Records the régions owning both sides. */
    void locate(String demandRegion, String supplierRegion) {
        this.demandRegion = demandRegion;
        this.supplierRegion = supplierRegion;
    }

    String getDemandRegion() {
        return demandRegion;
    }

    String getSupplierRegion() {
        return supplierRegion;
    }

    private void refresh(Demand demand, Candidate candidate, Instant now) {
        demandVersion = demand.version();
        demandTitle = demand.title();
        buyerName = demand.buyerName();
        demandAdviserEmail = demand.adviserEmail();
        companyVersion = candidate.supplier().version();
        companyName = candidate.supplier().name();
        supplierAdviserEmail = candidate.supplier().adviserEmail();
        score = candidate.score().value();
        rank = candidate.rank();
        distanceKm = candidate.score().distanceKm();
        explanation = candidate.score().parts();
        updatedAt = now;
    }

    String getDemandId() {
        return demandId;
    }

    long getDemandVersion() {
        return demandVersion;
    }

    String getDemandTitle() {
        return demandTitle;
    }

    String getBuyerName() {
        return buyerName;
    }

    String getDemandAdviserEmail() {
        return demandAdviserEmail;
    }

    String getCompanyId() {
        return companyId;
    }

    long getCompanyVersion() {
        return companyVersion;
    }

    String getCompanyName() {
        return companyName;
    }

    String getSupplierAdviserEmail() {
        return supplierAdviserEmail;
    }

    MatchStatus getStatus() {
        return status;
    }

    MatchChange getLastChange() {
        return lastChange;
    }

    String getReason() {
        return reason;
    }

    double getScore() {
        return score;
    }

    int getRank() {
        return rank;
    }

    Double getDistanceKm() {
        return distanceKm;
    }

    List<ScorePart> getExplanation() {
        return explanation;
    }

    String getDecidedBy() {
        return decidedBy;
    }

    Instant getDecidedAt() {
        return decidedAt;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
