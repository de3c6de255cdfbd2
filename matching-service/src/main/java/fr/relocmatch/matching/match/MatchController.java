package fr.relocmatch.matching.match;

import jakarta.validation.constraints.Pattern;
import java.util.List;

import jakarta.validation.Valid;

import fr.relocmatch.access.AuditTrail;
import fr.relocmatch.access.Caller;
import fr.relocmatch.access.Role;
import fr.relocmatch.api.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** REST API of matches: the candidates of a demand, or the demands a company is candidate for. */
@RestController
@RequestMapping("/api/v1/matches")
class MatchController {

    private final MatchBook book;
    private final MatchingEngine engine;
    private final AuditTrail audit;

    MatchController(MatchBook book, MatchingEngine engine, AuditTrail audit) {
        this.book = book;
        this.engine = engine;
        this.audit = audit;
    }

    /** Proposed matches first, best score first; withdrawn ones follow with their reason. */
    @GetMapping
    List<MatchView> list(@RequestParam(required = false) String demandId,
            @RequestParam(required = false) String companyId,
            @RequestParam(required = false) @Pattern(regexp = "fr|en", message = "must be fr or en") String lang) {
        if ((demandId == null) == (companyId == null)) {
            String message = demandId == null ? "give one of demandId and companyId" : "give only one of demandId and companyId";
            new InvalidInputException.Collector().add("demandId", message).add("companyId", message).throwIfAny();
        }
        Caller caller = Caller.current();
        Caller.require(caller.isStaff(), "Matches are read by advisers, admins and auditors");
        List<MatchDocument> matches = demandId != null ? book.ofDemand(demandId) : book.ofCompany(companyId);
        return matches.stream().filter(match -> mayRead(caller, match)).map(match -> MatchView.of(match, lang)).toList();
    }

    /**
     * ACCEPTED or REJECTED by an adviser of the demand's région, in their own name (the token's
     * e-mail, or its subject); a rejection names its reason from the contract's list. Published on
     * the decisions topic. A decided match is final (409).
     */
    @PostMapping("/{id}/decision")
    MatchView decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        Caller caller = Caller.current();
        MatchDocument match = existing(id);
        Caller.require(caller.is(Role.ADVISER, match.getDemandRegion()),
                "A match is decided by an adviser of the demand's région (" + match.getDemandRegion() + ")");
        String decider = caller.ownName();
        request.requireNoOtherDecider(decider);
        request.requireReasonForRejection();
        MatchDocument decided = book.decide(match, MatchStatus.valueOf(request.decision().name()), request.reasonCode(),
                request.words(), decider);
        audit.record("DECIDE", "match", id, request.decision().name());
        // the decided pair leaves the ranking: the others move up, and the next candidate may come in
        engine.decided(decided.getDemandId());
        return MatchView.of(decided);
    }

    /**
     * The next step of an accepted match's outcome, recorded by an adviser of the demand's or the
     * supplier's région in their own name; published on the decisions topic. A step that does not
     * follow the last one is refused (409).
     */
    @PostMapping("/{id}/outcomes")
    MatchView recordOutcome(@PathVariable String id, @Valid @RequestBody OutcomeRequest request) {
        Caller caller = Caller.current();
        MatchDocument match = existing(id);
        Caller.require(caller.is(Role.ADVISER, match.getDemandRegion()) || caller.is(Role.ADVISER, match.getSupplierRegion()),
                "An outcome is recorded by an adviser of the demand's or the supplier's région");
        request.requireReasonWhenAbandoned();
        MatchDocument recorded = book.recordOutcome(match, request, caller.ownName());
        audit.record("OUTCOME", "match", id, request.step().name());
        return MatchView.of(recorded);
    }

    @GetMapping("/{id}")
    MatchView get(@PathVariable String id,
            @RequestParam(required = false) @Pattern(regexp = "fr|en", message = "must be fr or en") String lang) {
        Caller caller = Caller.current();
        MatchDocument match = existing(id);
        Caller.require(mayRead(caller, match),
                "A match is read by the advisers, admins and auditors of the demand's or the supplier's région");
        return MatchView.of(match, lang);
    }

    private MatchDocument existing(String id) {
        return book.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No match " + id));
    }

    /** Each side's région follows the match: the demand's and the supplier's. */
    private static boolean mayRead(Caller caller, MatchDocument match) {
        return caller.readsWholly(match.getDemandRegion()) || caller.readsWholly(match.getSupplierRegion());
    }
}
