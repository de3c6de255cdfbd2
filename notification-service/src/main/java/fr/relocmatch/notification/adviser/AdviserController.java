package fr.relocmatch.notification.adviser;

import java.util.Set;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;

import fr.relocmatch.access.AuditTrail;
import fr.relocmatch.access.InstanceRegion;
import fr.relocmatch.access.Caller;
import fr.relocmatch.access.Role;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API of the adviser directory: managed by the région's admins (read by its auditors); an
 * adviser reads and changes only their own entry, and not the régions they serve.
 */
@RestController
@RequestMapping("/api/v1/advisers")
class AdviserController {

    private final AdviserDirectory directory;
    private final String region;
    private final AuditTrail audit;

    AdviserController(AdviserDirectory directory, InstanceRegion region, AuditTrail audit) {
        this.directory = directory;
        this.region = region.code();
        this.audit = audit;
    }

    @GetMapping
    List<Adviser> list() {
        Caller caller = Caller.current();
        Caller.require(caller.is(Role.REGION_ADMIN, region) || caller.is(Role.AUDITOR, region),
                "The directory of région " + region + " is read by its admins and auditors");
        return directory.all();
    }

    @GetMapping("/{email}")
    Adviser get(@PathVariable @Email String email) {
        Caller caller = Caller.current();
        Caller.require(caller.is(Role.REGION_ADMIN, region) || caller.is(Role.AUDITOR, region)
                || caller.isPerson(email), "An adviser reads only their own entry");
        return directory.find(email)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No adviser " + email));
    }

    /** Creates or replaces an adviser's entry. */
    @PutMapping("/{email}")
    Adviser put(@PathVariable @Email(message = "must be an e-mail address") String email,
            @Valid @RequestBody AdviserRequest request) {
        Caller caller = Caller.current();
        List<String> regions = request.regions() == null ? List.of() : request.regions();
        if (!caller.is(Role.REGION_ADMIN, region)) {
            Caller.require(caller.has(Role.ADVISER) && caller.isPerson(email),
                    "The directory of région " + region + " is managed by its admins; an adviser changes only their own preferences");
            Adviser current = directory.find(email).orElse(null);
            Caller.require(current != null, "Your entry is created by your région's admin");
            Caller.require(request.regions() == null || Set.copyOf(regions).equals(Set.copyOf(current.regions())),
                    "The régions you serve are set by your région's admin");
            regions = current.regions();
        }
        Adviser saved = directory.save(new Adviser(AdviserDirectory.normalise(email), request.name(), regions,
                request.language(), request.delivery(), request.minScore()));
        audit.record("SAVE", "adviser", saved.email(), "régions " + saved.regions() + ", " + saved.delivery());
        return saved;
    }

    @DeleteMapping("/{email}")
    ResponseEntity<Void> delete(@PathVariable String email) {
        Caller.require(Caller.current().is(Role.REGION_ADMIN, region),
                "Advisers are removed from the directory by an admin of région " + region);
        if (!directory.delete(email)) {
            return ResponseEntity.notFound().build();
        }
        audit.record("DELETE", "adviser", AdviserDirectory.normalise(email), null);
        return ResponseEntity.noContent().build();
    }
}
