package fr.relocmatch.matching.match;

import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.relocmatch.api.InvalidInputException;
import fr.relocmatch.state.events.StatePublisher;
import java.time.LocalDate;
import java.time.ZoneId;
import fr.relocmatch.matching.domain.Candidate;
import fr.relocmatch.matching.domain.Demand;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * Brings the stored matches of a demand in line with its current candidates, and publishes each
 * change. A recomputation that changes nothing saves and publishes nothing, so a redelivered
 * event never yields a second proposal.
 */
@Component
class MatchBook {

    private static final Logger log = LoggerFactory.getLogger(MatchBook.class);

    /** The days advisers give (outcome steps) and the programme's periods are days in France. */
    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/Paris");

    private final MatchRepository repository;
    private final StatePublisher<MatchDocument> publisher;
    private final DecisionEvents decisions;
    private final MatchingProperties properties;
    private final Clock clock;
    private final RegionOwnership regions;

    private final OutcomeEvents outcomes;

    MatchBook(MatchRepository repository, StatePublisher<MatchDocument> publisher, DecisionEvents decisions,
            OutcomeEvents outcomes, MatchingProperties properties, Clock clock, RegionOwnership regions) {
        this.outcomes = outcomes;
        this.regions = regions;
        this.decisions = decisions;
        this.repository = repository;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * @param whyLeftOut why a supplier of a stored proposal is no longer among the candidates, in words
     * @param weightsVersion the version of the score weights the candidates were ranked with; a match
     *        whose score and rank barely move keeps the version it was scored with, as its score does
     */
    void reconcile(Demand demand, List<Candidate> candidates, Function<String, String> whyLeftOut, int weightsVersion) {
        Instant now = clock.instant();
        Map<String, MatchDocument> stored = new HashMap<>();
        repository.findByDemandId(demand.id(), Sort.unsorted()).forEach(m -> stored.put(m.getCompanyId(), m));

        // A decided pair is out of ranking for good: a rejected one is never proposed again.
        Set<String> decided = new HashSet<>();
        stored.values().stream().filter(m -> m.getStatus().isDecided()).forEach(m -> decided.add(m.getCompanyId()));
        stored.keySet().removeAll(decided);
        List<MatchDocument> changed = new ArrayList<>();
        int rank = 0;
        for (Candidate ranked : candidates) {
            if (decided.contains(ranked.supplier().id())) {
                continue;
            }
            // ranks among what is still proposed: a rejection leaves no gap
            Candidate candidate = new Candidate(ranked.supplier(), ranked.score(), ++rank);
            MatchDocument match = stored.remove(candidate.supplier().id());
            if (match == null) {
                MatchDocument proposed = MatchDocument.proposed(demand, candidate, weightsVersion, now);
                proposed.locate(regions.own(), regions.ofSupplier(candidate.supplier().id()));
                changed.add(proposed);
            }
            else if (match.getStatus() == MatchStatus.WITHDRAWN) {
                match.propose(demand, candidate, weightsVersion, now);
                match.locate(regions.own(), regions.ofSupplier(candidate.supplier().id()));
                changed.add(match);
            }
            else if (Math.abs(match.getScore() - candidate.score().value()) >= properties.updateThreshold()
                    || match.getRank() != candidate.rank()) {
                match.update(demand, candidate, weightsVersion, now);
                match.locate(regions.own(), regions.ofSupplier(candidate.supplier().id()));
                changed.add(match);
            }
        }
        for (MatchDocument leftOut : stored.values()) {
            if (leftOut.getStatus() == MatchStatus.PROPOSED) {
                leftOut.withdraw(whyLeftOut.apply(leftOut.getCompanyId()), weightsVersion, now);
                changed.add(leftOut);
            }
        }
        if (changed.isEmpty()) {
            return;
        }
        // the demand's changes stored together, then sent in rank order all in flight at once, and marked in one write
        int published = publisher.publishAll(repository.saveAll(changed));
        log.info("Demand {} v{}: {} match change(s) stored, {} published", demand.id(), demand.version(), changed.size(),
                published);
    }

    /**
     * The demand ended ({@code how}: FULFILLED, CANCELLED, EXPIRED): its proposed and accepted
     * matches record it and go out (MatchWithdrawn, MatchUpdated) so that the supplier's adviser is
     * told; once, however often the snapshot comes.
     */
    void demandClosed(String demandId, String how) {
        Instant now = clock.instant();
        List<MatchDocument> told = repository.findByDemandId(demandId, Sort.unsorted()).stream()
                .filter(match -> match.demandClosed(how, now)).toList();
        if (!told.isEmpty()) {
            publisher.publishAll(repository.saveAll(told));
            log.info("Demand {} {}: {} match(es) told", demandId, how, told.size());
        }
    }

    /** Names a confidential buyer on the accepted match it was revealed for, once. */
    void discloseBuyer(String matchId, String companyId, String buyerName) {
        repository.findById(matchId).ifPresent(match -> {
            if (match.discloseBuyer(companyId, buyerName, clock.instant())) {
                save(match);
            }
        });
    }

    /** Records an adviser's decision on the match as read, and publishes the match and the decision (409 if not PROPOSED). */
    MatchDocument decide(MatchDocument match, MatchStatus decision, RejectionReason code, String reason, String adviser) {
        try {
            match.decide(decision, code, reason, adviser, clock.instant());
        }
        catch (IllegalStateException notProposed) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, notProposed.getMessage());
        }
        MatchDocument saved = repository.save(match);
        publisher.publish(saved);
        decisions.publish(saved);
        return saved;
    }

    /**
     * Records the next step of the outcome of the match as read (409 when it does not follow the
     * last one, 400 naming {@code on} for an impossible day) and publishes the match and the step.
     * Saved under the version read: a change meanwhile is a lost race (409).
     */
    MatchDocument recordOutcome(MatchDocument match, OutcomeRequest request, String adviser) {
        Instant now = clock.instant();
        LocalDate on = request.on() != null ? request.on() : now.atZone(PROGRAMME_ZONE).toLocalDate();
        try {
            match.recordOutcome(request.step(), on, request.reasonCode(), request.words(), adviser, now, PROGRAMME_ZONE);
        }
        catch (IllegalStateException illegal) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, illegal.getMessage());
        }
        catch (IllegalArgumentException impossibleDay) {
            throw InvalidInputException.of("on", impossibleDay.getMessage());
        }
        MatchDocument saved = repository.save(match);
        publisher.publish(saved);
        outcomes.publish(saved);
        return saved;
    }

    private void save(MatchDocument match) {
        publisher.publish(repository.save(match));
    }

    /** Proposed first by rank, then accepted, rejected and withdrawn ones, best score first. */
    List<MatchDocument> ofDemand(String demandId) {
        return repository.findByDemandId(demandId, Sort.unsorted()).stream().sorted(LISTING).toList();
    }

    List<MatchDocument> ofCompany(String companyId) {
        return repository.findByCompanyId(companyId, Sort.unsorted()).stream().sorted(LISTING).toList();
    }

    private static final Comparator<MatchDocument> LISTING = Comparator
            .comparingInt((MatchDocument m) -> switch (m.getStatus()) {
                case PROPOSED -> 0;
                case ACCEPTED -> 1;
                case REJECTED -> 2;
                case WITHDRAWN -> 3;
            })
            .thenComparingInt(m -> m.getStatus() == MatchStatus.PROPOSED ? m.getRank() : 0)
            .thenComparing(Comparator.comparingDouble(MatchDocument::getScore).reversed())
            .thenComparing(MatchDocument::getCompanyId);

    Optional<MatchDocument> find(String id) {
        return repository.findById(id);
    }
}
