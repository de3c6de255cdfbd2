package fr.relocmatch.matching.match;

import java.util.List;

import fr.relocmatch.contracts.problem.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    MatchController(MatchBook book, MatchingEngine engine) {
        this.book = book;
        this.engine = engine;
    }

    /** Proposed matches first, best score first; withdrawn ones follow with their reason. */
    @GetMapping
    List<MatchView> list(@RequestParam(required = false) String demandId,
            @RequestParam(required = false) String companyId) {
        if ((demandId == null) == (companyId == null)) {
            String message = demandId == null ? "give one of demandId and companyId" : "give only one of demandId and companyId";
            new InvalidInputException.Collector().add("demandId", message).add("companyId", message).throwIfAny();
        }
        List<MatchDocument> matches = demandId != null ? book.ofDemand(demandId) : book.ofCompany(companyId);
        return matches.stream().map(MatchView::of).toList();
    }

    /** ACCEPTED or REJECTED by an adviser; published on the decisions topic. A decided match is final (409). */
    @org.springframework.web.bind.annotation.PostMapping("/{id}/decision")
    MatchView decide(@PathVariable String id,
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.RequestBody DecisionRequest request) {
        request.requireReasonForRejection();
        MatchDocument decided = book.decide(id, MatchStatus.valueOf(request.decision().name()), request.reason(),
                request.decidedBy());
        // the decided pair leaves the ranking: the others move up, and the next candidate may come in
        engine.decided(decided.getDemandId());
        return MatchView.of(decided);
    }

    @GetMapping("/{id}")
    MatchView get(@PathVariable String id) {
        return book.find(id).map(MatchView::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No match " + id));
    }
}
