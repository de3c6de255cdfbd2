package fr.relocmatch.demand.request;

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

/** REST API of relocation demands. */
@RestController
@RequestMapping("/api/v1/demands")
class DemandController {

    private final Demands demands;

    DemandController(Demands demands) {
        this.demands = demands;
    }

    @PostMapping
    ResponseEntity<DemandView> create(@Valid @RequestBody DemandRequest request) {
        DemandDocument demand = demands.create(request);
        return ResponseEntity.created(URI.create("/api/v1/demands/" + demand.getId()))
                .eTag(String.valueOf(demand.getVersion()))
                .body(DemandView.of(demand));
    }

    @GetMapping("/{id}")
    ResponseEntity<DemandView> get(@PathVariable String id) {
        DemandDocument demand = demands.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No demand " + id));
        return ResponseEntity.ok().eTag(String.valueOf(demand.getVersion())).body(DemandView.of(demand));
    }

    @GetMapping
    List<DemandView> list() {
        return demands.all().stream().map(DemandView::of).toList();
    }
}
