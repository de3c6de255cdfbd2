package fr.relocmatch.notification.adviser;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;

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

/** REST API of the adviser directory. */
@RestController
@RequestMapping("/api/v1/advisers")
class AdviserController {

    private final AdviserDirectory directory;

    AdviserController(AdviserDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    List<Adviser> list() {
        return directory.all();
    }

    @GetMapping("/{email}")
    Adviser get(@PathVariable @Email String email) {
        return directory.find(email)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No adviser " + email));
    }

    /** Creates or replaces an adviser's entry. */
    @PutMapping("/{email}")
    Adviser put(@PathVariable @Email(message = "must be an e-mail address") String email,
            @Valid @RequestBody AdviserRequest request) {
        return directory.save(new Adviser(AdviserDirectory.normalise(email), request.name(),
                request.regions() == null ? List.of() : request.regions(), request.language(), request.delivery(),
                request.minScore()));
    }

    @DeleteMapping("/{email}")
    ResponseEntity<Void> delete(@PathVariable String email) {
        return directory.delete(email) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
