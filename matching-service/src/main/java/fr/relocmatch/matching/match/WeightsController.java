package fr.relocmatch.matching.match;

import java.net.URI;
import java.util.List;

import fr.relocmatch.access.AuditTrail;
import fr.relocmatch.access.Caller;
import fr.relocmatch.access.Role;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The score weights of the région this instance serves: read by its advisers, admins and
 * auditors; fitted to its advisers' decisions and applied by its admins only. Nothing else changes them.
 */
@RestController
@RequestMapping("/api/v1/weights")
class WeightsController {

    /** The version the région ranks with, and every version, newest first (0: the configuration's). */
    record Listing(String region, int applied, List<WeightsVersion> versions) {
    }

    private final WeightsBook book;
    private final MatchingEngine engine;
    private final AuditTrail audit;

    WeightsController(WeightsBook book, MatchingEngine engine, AuditTrail audit) {
        this.book = book;
        this.engine = engine;
        this.audit = audit;
    }

    @GetMapping
    Listing list() {
        requireReader();
        return new Listing(book.region(), book.applied().version(), book.versions());
    }

    @GetMapping("/{version}")
    WeightsVersion get(@PathVariable int version) {
        requireReader();
        return book.version(version).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "No version " + version + " of the weights of région " + book.region()));
    }

    /**
     * Fits the weights to the région's decisions and keeps them as a new version, not applied: old
     * and new weights, the coefficients, the decisions they come from and what they change in the
     * rankings of the région's decided demands.
     */
    @PostMapping("/fits")
    ResponseEntity<WeightsVersion> fit() {
        Caller caller = requireAdmin("fitted");
        WeightsVersion fitted = book.fit(caller.ownName());
        audit.record("FIT_WEIGHTS", "weights", fitted.id(), "v" + fitted.version());
        return ResponseEntity.created(URI.create("/api/v1/weights/" + fitted.version())).body(fitted);
    }

    /**
     * Ranks the région with this version from now on: every instance of the région re-ranks the
     * demands it owns within {@code relocmatch.matching.learning.check-interval} (this one at once),
     * and the changes go out as usual (updates, withdrawals, new proposals). Version 0 goes back to
     * the configuration's weights.
     */
    @PostMapping("/{version}/apply")
    WeightsVersion apply(@PathVariable int version) {
        Caller caller = requireAdmin("applied");
        WeightsVersion applied = book.apply(version, caller.ownName());
        audit.record("APPLY_WEIGHTS", "weights", applied.id(), "v" + version);
        engine.followAppliedWeights();
        return applied;
    }

    private void requireReader() {
        Caller.require(Caller.current().readsWholly(book.region()),
                "The score weights of région " + book.region() + " are read by its advisers, admins and auditors");
    }

    private Caller requireAdmin(String what) {
        Caller caller = Caller.current();
        Caller.require(caller.is(Role.REGION_ADMIN, book.region()),
                "The score weights of région " + book.region() + " are " + what + " by its région admins");
        return caller;
    }
}
