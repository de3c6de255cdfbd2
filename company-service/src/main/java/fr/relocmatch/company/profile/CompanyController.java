package fr.relocmatch.company.profile;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** REST API of company profiles. */
@RestController
@RequestMapping("/api/v1/companies")
class CompanyController {

    private final CompanyProfiles profiles;

    CompanyController(CompanyProfiles profiles) {
        this.profiles = profiles;
    }

    @PostMapping
    ResponseEntity<CompanyView> create(@Valid @RequestBody CompanyRequest request) {
        CompanyDocument company = profiles.create(request);
        return ResponseEntity.created(URI.create("/api/v1/companies/" + company.getId()))
                .eTag(String.valueOf(company.getVersion()))
                .body(CompanyView.of(company));
    }

    @GetMapping("/{id}")
    ResponseEntity<CompanyView> get(@PathVariable String id) {
        CompanyDocument company = profiles.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No company " + id));
        return ResponseEntity.ok().eTag(String.valueOf(company.getVersion())).body(CompanyView.of(company));
    }

    @GetMapping
    List<CompanyView> list() {
        return profiles.all().stream().map(CompanyView::of).toList();
    }
}
