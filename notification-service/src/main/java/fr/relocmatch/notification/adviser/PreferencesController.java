package fr.relocmatch.notification.adviser;

import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import java.util.List;

import jakarta.validation.Valid;

import fr.relocmatch.access.AuditTrail;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the link in each e-mail opens: the recipient's own preferences, by signed token. */
@RestController
@RequestMapping("/api/v1/preferences")
class PreferencesController {

    private final AdviserDirectory directory;
    private final LinkTokens tokens;
    private final AuditTrail audit;

    PreferencesController(AdviserDirectory directory, LinkTokens tokens, AuditTrail audit) {
        this.directory = directory;
        this.tokens = tokens;
        this.audit = audit;
    }

    @GetMapping
    Adviser get(@RequestParam String token) {
        return directory.preferencesOf(adviser(token));
    }

    @PutMapping
    Adviser put(@RequestParam String token, @Valid @RequestBody AdviserRequest request) {
        String email = adviser(token);
        Adviser current = directory.preferencesOf(email);
        List<String> regions = current.regions() == null ? List.of() : current.regions();
        if (request.regions() != null && !Set.copyOf(request.regions()).equals(Set.copyOf(regions))) {
            throw new AccessDeniedException(
                    "The régions you serve are set by your région's admin");
        }
        Adviser saved = directory.save(new Adviser(email, request.name() != null ? request.name() : current.name(), regions,
                request.language(), request.delivery(), request.minScore()));
        audit.recordAs(email, "link", "SAVE", "adviser", email, String.valueOf(saved.delivery()));
        return saved;
    }

    /** One click from the e-mail: no more match e-mails for this adviser. */
    @PostMapping("/unsubscribe")
    Adviser unsubscribe(@RequestParam String token) {
        Adviser current = directory.preferencesOf(adviser(token));
        Adviser saved = directory.save(new Adviser(current.email(), current.name(),
                current.regions() == null ? List.of() : current.regions(), current.language(), Delivery.NONE,
                current.minScore()));
        audit.recordAs(current.email(), "link", "UNSUBSCRIBE", "adviser", current.email(), null);
        return saved;
    }

    private String adviser(String token) {
        return tokens.adviserOrRefuse(token);
    }
}
