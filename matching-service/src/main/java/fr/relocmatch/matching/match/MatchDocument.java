package fr.relocmatch.matching.match;

import fr.relocmatch.contracts.events.EventIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    /** The supplier's NAF code when it was last ranked: the programme figures count by its division. */
    private String supplierNafCode;
    /** The supplier's SIRET, by which a partner names the match (null on matches stored before it was kept). */
    private String supplierSiret;
    /** Régions owning the demand and the supplier's profile: each région's instance e-mails its own advisers. */
    @Indexed
    private String demandRegion;
    private String supplierRegion;
    private MatchStatus status;
    private MatchChange lastChange;
    private String reason;
    /** Why an adviser rejected it, from the contract's list; null otherwise. */
    private RejectionReason reasonCode;
    private String decidedBy;
    /** Whether the MatchDecided event reached the decisions topic; the relay sends it otherwise. */
    private boolean decisionPublished;
    private Instant decidedAt;
    /** The last step of an accepted match's outcome, null before the first one. */
    private OutcomeStep outcome;
    /** Every step of the outcome, oldest first. */
    private List<OutcomeRecord> outcomes = new ArrayList<>();
    /**
     * True while the events of the outcome's steps have not all reached the decisions topic (the
     * relay sends them), absent otherwise: its sparse index holds only the matches that wait.
     */
    @Indexed(sparse = true)
    private Boolean outcomePending;
    private double score;
    private int rank;
    /** Null when the demand gives no delivery site: a distance from nowhere means nothing. */
    private Double distanceKm;
    private List<ScorePart> explanation;
    /**
     * The version of the région's score weights of the ranking that last changed the match (0: the
     * configured ones): its score and explanation's, or, for a withdrawal, the ranking it left.
     */
    private int weightsVersion;
    /**
     * How the demand ended — FULFILLED, CANCELLED, EXPIRED — when it ended while the match was
     * proposed or accepted: the supplier's adviser is told once. Null otherwise.
     */
    private String demandClosed;
    private Instant createdAt;

    MatchDocument() {
    }

    /** The id of a pair never changes: one document per (demand, company). */
    static String idOf(String demandId, String companyId) {
        return EventIds.of(demandId, companyId).toString();
    }

    static MatchDocument proposed(Demand demand, Candidate candidate, int weightsVersion, Instant now) {
        MatchDocument match = new MatchDocument();
        match.id = idOf(demand.id(), candidate.supplier().id());
        match.demandId = demand.id();
        match.companyId = candidate.supplier().id();
        match.createdAt = now;
        match.propose(demand, candidate, weightsVersion, now);
        return match;
    }

    /** Enters (or re-enters) the candidates. */
    void propose(Demand demand, Candidate candidate, int weightsVersion, Instant now) {
        refresh(demand, candidate, weightsVersion, now);
        status = MatchStatus.PROPOSED;
        lastChange = MatchChange.PROPOSED;
        reason = null;
    }

    /** Stays among the candidates with a new score or rank. */
    void update(Demand demand, Candidate candidate, int weightsVersion, Instant now) {
        refresh(demand, candidate, weightsVersion, now);
        lastChange = MatchChange.UPDATED;
    }

    void withdraw(String why, int weightsVersion, Instant now) {
        this.weightsVersion = weightsVersion;
        status = MatchStatus.WITHDRAWN;
        lastChange = MatchChange.WITHDRAWN;
        reason = why;
        updatedAt = now;
    }

    /**
     * The demand ended ({@code how}: FULFILLED, CANCELLED, EXPIRED): a proposed match is withdrawn
     * saying so, an accepted one records it. False when there is nothing to tell: the match was
     * rejected or withdrawn before, or the end is recorded already (a redelivered snapshot).
     */
    boolean demandClosed(String how, Instant now) {
        if (demandClosed != null || status != MatchStatus.PROPOSED && status != MatchStatus.ACCEPTED) {
            return false;
        }
        demandClosed = how;
        if (status == MatchStatus.PROPOSED) {
            withdraw("the demand was " + how.toLowerCase(Locale.ROOT), weightsVersion, now);
        }
        else {
            lastChange = MatchChange.UPDATED;
            updatedAt = now;
        }
        return true;
    }

    String getDemandClosed() {
        return demandClosed;
    }

    /**
     * Records an adviser's decision.
     *
     * @throws IllegalStateException when the match is not PROPOSED
     */
    void decide(MatchStatus decision, RejectionReason code, String why, String adviser, Instant now) {
        if (status != MatchStatus.PROPOSED) {
            throw new IllegalStateException("match " + id + " is " + status + "; only a PROPOSED match can be decided");
        }
        status = decision;
        lastChange = MatchChange.DECIDED;
        reasonCode = code;
        reason = why;
        decidedBy = adviser;
        decidedAt = now;
        updatedAt = now;
    }

    /**
     * Records the next step of an accepted match's outcome.
     *
     * @throws IllegalStateException when the match is not ACCEPTED or the step does not follow the last one
     * @throws IllegalArgumentException when the day is before the decision or the last step, or after {@code today}
     */
    void recordOutcome(OutcomeStep step, LocalDate on, RejectionReason code, String why, String adviser, Instant now,
            ZoneId zone) {
        if (status != MatchStatus.ACCEPTED) {
            throw new IllegalStateException("match " + id + " is " + status + "; only an ACCEPTED match has an outcome");
        }
        if (!OutcomeStep.after(outcome).contains(step)) {
            throw new IllegalStateException("match " + id + " is at " + (outcome == null ? "ACCEPTED" : outcome) + "; "
                    + step + " cannot follow, only " + OutcomeStep.after(outcome));
        }
        LocalDate earliest = outcomes.isEmpty() ? decidedAt.atZone(zone).toLocalDate() : outcomes.getLast().on();
        if (on.isBefore(earliest)) {
            throw new IllegalArgumentException("is before the " + (outcomes.isEmpty() ? "acceptance" : "last step")
                    + " (" + earliest + ")");
        }
        if (on.isAfter(now.atZone(zone).toLocalDate())) {
            throw new IllegalArgumentException("is in the future");
        }
        outcomes.add(new OutcomeRecord(step, on, code, why, adviser, now));
        outcome = step;
        outcomePending = true;
        lastChange = MatchChange.OUTCOME_RECORDED;
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

    private void refresh(Demand demand, Candidate candidate, int weightsVersion, Instant now) {
        this.weightsVersion = weightsVersion;
        demandVersion = demand.version();
        demandTitle = demand.title();
        buyerName = demand.buyerName();
        demandAdviserEmail = demand.adviserEmail();
        companyVersion = candidate.supplier().version();
        companyName = candidate.supplier().name();
        supplierAdviserEmail = candidate.supplier().adviserEmail();
        supplierNafCode = candidate.supplier().nafCode();
        supplierSiret = candidate.supplier().siret();
        score = candidate.score().value();
        rank = candidate.rank();
        distanceKm = candidate.score().distanceKm();
        explanation = candidate.score().parts();
        updatedAt = now;
    }

    String getDemandId() {
        return demandId;
    }

    int getWeightsVersion() {
        return weightsVersion;
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

    String getSupplierSiret() {
        return supplierSiret;
    }

    /** Whether this step is in the match's outcome already. */
    boolean hasOutcome(OutcomeStep step) {
        return getOutcomes().stream().anyMatch(recorded -> recorded.step() == step);
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

    RejectionReason getReasonCode() {
        return reasonCode;
    }

    String getSupplierNafCode() {
        return supplierNafCode;
    }

    OutcomeStep getOutcome() {
        return outcome;
    }

    List<OutcomeRecord> getOutcomes() {
        return outcomes == null ? List.of() : List.copyOf(outcomes);
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
