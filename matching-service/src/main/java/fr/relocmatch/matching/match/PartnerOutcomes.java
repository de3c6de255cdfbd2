package fr.relocmatch.matching.match;

import fr.relocmatch.access.AuditTrail;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Outcome steps a partner records on the accepted matches of the demands it submitted (the
 * match-outcomes inbox). The same rules as an adviser's step over REST; what is refused is answered
 * as a 4xx, which the partner inbox turns into a rejection with the reason. A step the match has
 * already recorded (a redelivered message, or the adviser was first) is accepted and changes nothing.
 */
@Component
class PartnerOutcomes {

    private final MatchBook book;
    private final ProgrammeFigures programme;
    private final MatchingEngine engine;
    private final RegionOwnership regions;
    private final AuditTrail audit;

    PartnerOutcomes(MatchBook book, ProgrammeFigures programme, MatchingEngine engine, RegionOwnership regions,
            AuditTrail audit) {
        this.book = book;
        this.programme = programme;
        this.engine = engine;
        this.regions = regions;
        this.audit = audit;
    }

    /**
     * @param partner the partner's {@code ce_source}
     * @param messageId its {@code ce_id}, in the audit trail
     * @return the match's id
     */
    String record(PartnerOutcomeRequest request, String partner, String messageId) {
        ProgrammeDemand demand = programme.demand(request.demandId())
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "No demand " + request.demandId() + " in région "
                        + regions.own()));
        if (!partner.equals(demand.submittedBy())) {
            throw refused(HttpStatus.FORBIDDEN, "Demand " + request.demandId()
                    + " was not submitted by " + partner + ": a partner records the outcomes of its own demands only");
        }
        MatchDocument match = book.ofDemand(request.demandId()).stream()
                .filter(m -> request.supplierSiret().equals(siretOf(m)))
                .findFirst()
                .orElseThrow(() -> refused(HttpStatus.NOT_FOUND, "Demand " + request.demandId()
                        + " has no match with the supplier of SIRET " + request.supplierSiret()));
        OutcomeRequest outcome = request.outcome();
        outcome.requireReasonWhenAbandoned();
        if (match.getStatus() == MatchStatus.ACCEPTED && match.hasOutcome(outcome.step())) {
            return match.getId();
        }
        book.recordOutcome(match, outcome, partner);
        audit.recordAs(partner, "kafka", "OUTCOME", "match", match.getId(), outcome.step() + ", message " + messageId);
        return match.getId();
    }

    /** Kept on the match since it was proposed, or (a match stored before) the profile's as the index knows it. */
    private String siretOf(MatchDocument match) {
        return match.getSupplierSiret() != null ? match.getSupplierSiret() : engine.siretOf(match.getCompanyId());
    }

    private static ResponseStatusException refused(HttpStatus status, String why) {
        return new ResponseStatusException(status, why);
    }
}
