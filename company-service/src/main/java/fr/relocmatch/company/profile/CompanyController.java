package fr.relocmatch.company.profile;

import fr.relocmatch.reference.UnknownReferenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import java.util.ArrayList;
import java.util.TreeSet;
import org.springframework.http.MediaType;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import fr.relocmatch.access.AuditTrail;
import fr.relocmatch.access.Caller;
import fr.relocmatch.access.Role;
import fr.relocmatch.api.InvalidInputException;
import fr.relocmatch.api.VersionTags;
import fr.relocmatch.establishments.EstablishmentFile;
import fr.relocmatch.reference.Commune;
import fr.relocmatch.reference.Communes;
import fr.relocmatch.reference.NafCodes;
import fr.relocmatch.reference.Sector;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import tools.jackson.databind.JsonNode;

/** REST API of company profiles: create, read, replace, partial update, confirm, delete, search. */
@RestController
@RequestMapping("/api/v1/companies")
class CompanyController {

    /** Fields a search may be sorted by. */
    private static final Set<String> SORTABLE = Set.of("name", "createdAt", "updatedAt", "lastConfirmedAt", "nafCode",
            "headcount", "siret");

    private final CompanyProfiles profiles;
    private final MergePatch mergePatch;
    private final CompanyImport imports;
    private final AuditTrail audit;

    CompanyController(CompanyProfiles profiles, MergePatch mergePatch, CompanyImport imports, AuditTrail audit) {
        this.profiles = profiles;
        this.mergePatch = mergePatch;
        this.imports = imports;
        this.audit = audit;
    }

    /** By the région's advisers and admins, or by a partner (the profile is then its submission). */
    @PostMapping
    ResponseEntity<CompanyView> create(@RequestBody CompanyRequest request) {
        Caller caller = Caller.current();
        Caller.require(caller.actsFor(profiles.region()) || caller.has(Role.PARTNER),
                "Profiles of région " + profiles.region() + " are registered by its advisers and admins, or by partners");
        CompanyDocument company = profiles.create(request, caller.has(Role.PARTNER) ? caller.partner() : null);
        audit.record("CREATE", "company", company.getId(), null);
        return ResponseEntity.created(URI.create("/api/v1/companies/" + company.getId()))
                .eTag(VersionTags.etag(company.getVersion())).body(CompanyView.of(company, caller));
    }

    /** Whole to the région's staff and to the partner that submitted it; without the contact to other régions. */
    @GetMapping("/{id}")
    ResponseEntity<CompanyView> get(@PathVariable String id) {
        Caller caller = Caller.current();
        CompanyDocument company = existing(id);
        Caller.require(caller.isStaff() || caller.submitted(company.getSubmittedBy()),
                "A partner reads only the profiles it submitted");
        return answer(company, caller);
    }

    @PutMapping("/{id}")
    ResponseEntity<CompanyView> replace(@PathVariable String id, @RequestBody CompanyRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Caller caller = mayChange(id);
        CompanyDocument replaced = profiles.replace(id, request, VersionTags.expected(ifMatch, "profile"));
        audit.record("REPLACE", "company", id, "version " + replaced.getVersion());
        return answer(replaced, caller);
    }

    /** JSON Merge Patch (RFC 7396): the fields given replace the current ones, {@code null} removes one. */
    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ResponseEntity<CompanyView> patch(@PathVariable String id, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Caller caller = mayChange(id);
        CompanyDocument patched = profiles.patch(id, current -> mergePatch.apply(current, patch),
                VersionTags.expected(ifMatch, "profile"));
        audit.record("PATCH", "company", id, "fields " + patchedFields(patch) + ", version " + patched.getVersion());
        return answer(patched, caller);
    }

    /**
     * Imports a CSV of establishments (upsert by SIRET) and answers what was created, updated,
     * left unchanged and rejected, with the line and reasons of each rejected row.
     *
     * @param firstLine line number of the first data row, for a client sending a large file in chunks
     */
    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    Map<String, Object> importCsv(@RequestBody byte[] csv,
            @RequestHeader(name = "Content-Type") MediaType contentType,
            @RequestParam(required = false) @Email String adviserEmail,
            @RequestParam(defaultValue = "2") @Min(2) int firstLine) {
        Caller.require(Caller.current().is(Role.REGION_ADMIN, profiles.region()),
                "Imports are run by an admin of région " + profiles.region());
        EstablishmentFile file;
        try {
            file = EstablishmentFile.read(csv, contentType.getCharset());
        }
        catch (EstablishmentFile.UnreadableFile e) {
            throw InvalidInputException.of("body", e.getMessage());
        }
        Map<String, Object> report = imports.run(file, adviserEmail, firstLine).toJson();
        audit.record("IMPORT", "company", null, "created " + report.get("created") + ", updated " + report.get("updated")
                + ", rejected " + report.get("rejected") + " from line " + firstLine);
        return report;
    }

    /** The company or its adviser confirms the profile is still accurate. */
    @PostMapping("/{id}/confirm")
    ResponseEntity<CompanyView> confirm(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Caller caller = mayChange(id);
        CompanyDocument confirmed = profiles.confirm(id, VersionTags.expected(ifMatch, "profile"));
        audit.record("CONFIRM", "company", id, null);
        return answer(confirmed, caller);
    }

    /**
     * The supplier's adviser (or an admin of its région) marks the kinds of demand — a required
     * process, for a sector or any — the supplier is not interested in: all of them, replacing the
     * marks before. Matching proposes it for none of those demands from then on.
     */
    @PutMapping("/{id}/not-interested")
    ResponseEntity<CompanyView> notInterested(@PathVariable String id, @Valid @RequestBody NotInterestedRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Caller caller = Caller.current();
        CompanyDocument company = existing(id);
        Caller.require(caller.actsFor(company.getOwnerRegion()),
                "What a supplier is not interested in is marked by the advisers and admins of its région");
        CompanyDocument marked = profiles.notInterested(id, request.validated(), VersionTags.expected(ifMatch, "profile"));
        audit.record("NOT_INTERESTED", "company", id, marked.getNotInterestedIn().size() + " kind(s) of demand");
        return answer(marked, caller);
    }

    /**
     * Deletes the profile, erases its data and publishes a tombstone (right to erasure): by an admin
     * of its région or by the adviser in charge of it.
     */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Caller caller = Caller.current();
        CompanyDocument company = existing(id);
        Caller.require(caller.is(Role.REGION_ADMIN, company.getOwnerRegion())
                || caller.is(Role.ADVISER, company.getOwnerRegion()) && caller.isPerson(company.getAdviserEmail()),
                "A profile is erased by an admin of its région or by the adviser in charge of it");
        profiles.delete(id, VersionTags.expected(ifMatch, "profile"));
        audit.record("ERASE", "company", id, null);
        return ResponseEntity.noContent().build();
    }

    /**
     * Every filter given narrows the result. Sorted by name — nearest first for a radius search —
     * unless {@code sort} ({@code field,asc|desc}) says otherwise.
     */
    @GetMapping
    Map<String, Object> search(@RequestParam(required = false) CompanyKind kind,
            @RequestParam(required = false) CompanyStatus status,
            @RequestParam(required = false) String naf,
            @RequestParam(required = false) String process,
            @RequestParam(required = false) String certification,
            @RequestParam(required = false) LocalDate validAt,
            @RequestParam(required = false) String label,
            @RequestParam(required = false) Sector sector,
            @RequestParam(required = false) @Pattern(regexp = "[0-9][0-9AB][0-9]?", message = "must be a département code, e.g. 76 or 2A") String departement,
            @RequestParam(required = false) @Pattern(regexp = "\\d{2}", message = "must be a 2-digit région code") String region,
            @RequestParam(required = false) String near,
            @RequestParam(required = false) @Positive @DecimalMax("2000") Double radiusKm,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            @RequestParam(required = false) String sort) {
        Caller caller = Caller.current();
        Caller.require(caller.isStaff(), "Searching profiles is for advisers, admins and auditors");
        InvalidInputException.Collector faults = new InvalidInputException.Collector();
        String nafPrefix = null;
        if (naf != null) {
            nafPrefix = NafCodes.shipped().normaliseAnyLevel(naf).orElse(null);
            if (nafPrefix == null) {
                faults.add("naf", "'" + naf + "' is not a NAF rév. 2 code of any level (25, 25.6, 25.62, 25.62A)");
            }
        }
        Commune centre = null;
        if (near != null) {
            try {
                centre = Communes.shipped().place(near);
            }
            catch (UnknownReferenceException e) {
                faults.add("near", e.getMessage());
            }
            if (radiusKm == null) {
                faults.add("radiusKm", "is required with near");
            }
        }
        else if (radiusKm != null) {
            faults.add("near", "is required with radiusKm (a commune: insee:76540, postal:76000 or a code naming one commune)");
        }
        Sort order = sort(sort, near != null, faults);
        faults.throwIfAny();
        CompanySearch search = new CompanySearch(kind, status, nafPrefix, process, upper(certification), validAt,
                upper(label), sector, departement, region, centre, radiusKm, name == null || name.isBlank() ? null : name.strip());
        Page<CompanyDocument> found = profiles.search(search, PageRequest.of(page, size, order));
        return Map.of("content", found.getContent().stream().map(company -> CompanyView.of(company, caller)).toList(),
                "page", page, "size", size,
                "totalElements", found.getTotalElements(), "totalPages", found.getTotalPages());
    }

    private static Sort sort(String sort, boolean radius, InvalidInputException.Collector faults) {
        if (sort == null || sort.isBlank()) {
            return radius ? Sort.unsorted() : Sort.by("name").and(Sort.by("_id"));
        }
        String[] parts = sort.split(",");
        String field = parts[0].strip();
        if (!SORTABLE.contains(field)) {
            faults.add("sort", "'" + field + "' is not sortable; use one of " + new TreeSet<>(SORTABLE));
            return Sort.unsorted();
        }
        if (parts.length > 1 && !parts[1].strip().equalsIgnoreCase("asc") && !parts[1].strip().equalsIgnoreCase("desc")) {
            faults.add("sort", "direction must be asc or desc");
            return Sort.unsorted();
        }
        boolean descending = parts.length > 1 && parts[1].strip().equalsIgnoreCase("desc");
        return Sort.by(descending ? Sort.Direction.DESC : Sort.Direction.ASC, field).and(Sort.by("_id"));
    }

    private static String upper(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase();
    }

    private static ResponseEntity<CompanyView> answer(CompanyDocument company, Caller caller) {
        return ResponseEntity.ok().eTag(VersionTags.etag(company.getVersion())).body(CompanyView.of(company, caller));
    }

    /** The names of the fields a merge patch sets or removes: what changed, not the values (personal data). */
    private static List<String> patchedFields(JsonNode patch) {
        return patch.isObject() ? new ArrayList<>(patch.propertyNames()) : List.of();
    }

    private CompanyDocument existing(String id) {
        return profiles.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No company " + id));
    }

    /** The région's advisers and admins change its profiles; a partner changes only what it submitted. */
    private Caller mayChange(String id) {
        Caller caller = Caller.current();
        CompanyDocument company = existing(id);
        Caller.require(caller.actsFor(company.getOwnerRegion()) || caller.submitted(company.getSubmittedBy()),
                "A profile is changed by the advisers and admins of its région, or by the partner that submitted it");
        return caller;
    }
}
