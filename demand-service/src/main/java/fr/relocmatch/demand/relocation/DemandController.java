package fr.relocmatch.demand.relocation;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import fr.relocmatch.access.AuditTrail;
import fr.relocmatch.access.Caller;
import fr.relocmatch.access.Role;
import fr.relocmatch.api.VersionTags;
import fr.relocmatch.api.InvalidInputException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** REST API of relocation demands: content, lifecycle, search, process suggestions. */
@RestController
@RequestMapping("/api/v1/demands")
class DemandController {

    private final Demands demands;
    private final AuditTrail audit;

    DemandController(Demands demands, AuditTrail audit) {
        this.demands = demands;
        this.audit = audit;
    }

    /** By the région's advisers and admins, or by a partner (the demand is then its submission). */
    @PostMapping
    ResponseEntity<DemandView> create(@Valid @RequestBody DemandRequest request) {
        Caller caller = Caller.current();
        Caller.require(caller.actsFor(demands.region()) || caller.has(Role.PARTNER),
                "Demands of région " + demands.region() + " are taken by its advisers and admins, or by partners");
        DemandDocument demand = demands.create(request, caller.has(Role.PARTNER) ? caller.partner() : null);
        audit.record("CREATE", "demand", demand.getId(), null);
        return ResponseEntity.created(URI.create("/api/v1/demands/" + demand.getId()))
                .eTag(VersionTags.etag(demand.getVersion())).body(DemandView.of(demand, caller));
    }

    @PutMapping("/{id}")
    ResponseEntity<DemandView> replace(@PathVariable String id, @Valid @RequestBody DemandRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Caller caller = mayChange(id);
        DemandDocument replaced = demands.replace(id, request, VersionTags.expected(ifMatch, "demand"));
        audit.record("REPLACE", "demand", id, "version " + replaced.getVersion());
        return answer(replaced, caller);
    }

    @GetMapping("/{id}")
    ResponseEntity<DemandView> get(@PathVariable String id) {
        Caller caller = Caller.current();
        DemandDocument demand = existing(id);
        Caller.require(caller.isStaff() || caller.submitted(demand.getSubmittedBy()),
                "A partner reads only the demands it submitted");
        return answer(demand, caller);
    }

    /** Filters combine; newest first unless {@code sort} says otherwise. */
    @GetMapping
    Map<String, Object> search(@RequestParam(required = false) DemandStatus status,
            @RequestParam(required = false) String buyerCompanyId, @RequestParam(required = false) String process,
            @RequestParam(required = false) @Pattern(regexp = "\\d{2}", message = "must be a 2-digit région code") String region,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        Caller caller = Caller.current();
        Caller.require(caller.isStaff(), "Searching demands is for advisers, admins and auditors");
        Page<DemandDocument> found = demands.search(status, buyerCompanyId, process, region,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")));
        return Map.of("content", found.getContent().stream().map(demand -> DemandView.of(demand, caller)).toList(),
                "page", page, "size", size,
                "totalElements", found.getTotalElements(), "totalPages", found.getTotalPages());
    }

    @PostMapping("/{id}/open")
    ResponseEntity<DemandView> open(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return move(id, DemandStatus.OPEN, null, ifMatch);
    }

    @PostMapping("/{id}/discussion")
    ResponseEntity<DemandView> discuss(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return move(id, DemandStatus.IN_DISCUSSION, null, ifMatch);
    }

    @PostMapping("/{id}/fulfil")
    ResponseEntity<DemandView> fulfil(@PathVariable String id, @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return move(id, DemandStatus.FULFILLED, null, ifMatch);
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<DemandView> cancel(@PathVariable String id, @RequestBody(required = false) Map<String, String> body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return move(id, DemandStatus.CANCELLED, body == null ? null : body.get("reason"), ifMatch);
    }

    /** A lifecycle move by someone who may change the demand, recorded in the audit trail. */
    private ResponseEntity<DemandView> move(String id, DemandStatus status, String reason, String ifMatch) {
        Caller caller = mayChange(id);
        DemandDocument moved = demands.transition(id, status, reason, VersionTags.expected(ifMatch, "demand"));
        audit.record("STATUS", "demand", id, "now " + status);
        return answer(moved, caller);
    }

    /**
     * Processes a product usually calls for, from its customs code ({@code hs}: HS 6 or CN 8 digits,
     * through the CN → CPA 2.1 correspondence) or its CPF code ({@code cpf}), with the product
     * classes and NAF classes on the way.
     */
    @GetMapping("/process-suggestions")
    ProcessSuggestions suggest(
            @RequestParam(required = false) @Pattern(regexp = "\\d{2}\\.\\d{2}\\.\\d{2}", message = "a CPF code reads NN.NN.NN") String cpf,
            @RequestParam(required = false) @Pattern(regexp = "\\d{6}|\\d{8}", message = "an HS code has 6 digits, a CN code 8") String hs) {
        if ((cpf == null) == (hs == null)) {
            throw InvalidInputException.of("hs", "give one product code: hs (HS 6 or CN 8 digits) or cpf (NN.NN.NN)");
        }
        if (cpf != null) {
            return ProcessSuggestions.ofCpf(cpf);
        }
        return ProcessSuggestions.ofHs(hs).orElseThrow(() -> InvalidInputException.of("hs",
                "'" + hs + "' is not a code of the Combined Nomenclature 2022 (GET /api/v1/reference/hs-codes?q=)"));
    }

    private static ResponseEntity<DemandView> answer(DemandDocument demand, Caller caller) {
        return ResponseEntity.ok().eTag(VersionTags.etag(demand.getVersion())).body(DemandView.of(demand, caller));
    }

    private DemandDocument existing(String id) {
        return demands.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No demand " + id));
    }

    /** The région's advisers and admins change its demands; a partner changes only what it submitted. */
    private Caller mayChange(String id) {
        Caller caller = Caller.current();
        DemandDocument demand = existing(id);
        Caller.require(caller.actsFor(demand.getOwnerRegion()) || caller.submitted(demand.getSubmittedBy()),
                "A demand is changed by the advisers and admins of its région, or by the partner that submitted it");
        return caller;
    }
}
