package fr.relocmatch.company.profile;

import fr.relocmatch.access.InstanceRegion;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.time.Instant;
import java.util.UUID;

import fr.relocmatch.state.events.StatePublisher;
import fr.relocmatch.contracts.schema.FieldViolation;
import fr.relocmatch.api.VersionTags;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

/**
 * Creates, edits, confirms, deletes and searches company profiles; every accepted change is saved,
 * then published (the relay publishes what a failed send left behind).
 */
@Service
class CompanyProfiles {

    private final CompanyRepository repository;
    private final MongoTemplate mongo;
    private final CompanyValidator validator;
    private final StatePublisher<CompanyDocument> publisher;
    private final Clock clock;
    /** This instance's région: it owns the profiles created here. */
    private final String region;

    CompanyProfiles(CompanyRepository repository, MongoTemplate mongo, CompanyValidator validator,
            StatePublisher<CompanyDocument> publisher, Clock clock,
            InstanceRegion region) {
        this.region = region.code();
        this.repository = repository;
        this.mongo = mongo;
        this.validator = validator;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Creates a profile from a request, checked here (constraints and rules, every fault at once). */
    CompanyDocument create(CompanyRequest request, String submittedBy) {
        return create(validator.validate(request), submittedBy);
    }

    CompanyDocument create(ValidCompany valid) {
        return create(valid, null);
    }

    /** @param submittedBy the partner submitting it, {@code null} for the région's own staff */
    CompanyDocument create(ValidCompany valid, String submittedBy) {
        CompanyDocument company = new CompanyDocument(UUID.randomUUID().toString(), region, clock.instant());
        company.submittedBy(submittedBy);
        company.describe(valid, clock.instant());
        return insert(company, valid.siret());
    }

    private CompanyDocument insert(CompanyDocument company, String siret) {
        CompanyDocument saved;
        try {
            saved = repository.insert(company);
        }
        catch (DuplicateKeyException e) {
            throw duplicate(siret, e);
        }
        publisher.publish(saved);
        return saved;
    }

    /** Replaces the whole content of a profile. */
    CompanyDocument replace(String id, CompanyRequest request, Long expectedVersion) {
        CompanyDocument company = get(id);
        VersionTags.check(company.getId(), company.getVersion(), expectedVersion, "Company");
        return update(company, validator.validate(request));
    }

    /** Applies a partial update: the patch was merged into the current content by the caller. */
    CompanyDocument patch(String id, UnaryOperator<CompanyRequest> merge, Long expectedVersion) {
        CompanyDocument company = get(id);
        VersionTags.check(company.getId(), company.getVersion(), expectedVersion, "Company");
        return update(company, validator.validate(merge.apply(company.toRequest())));
    }

    /**
     * An imported row: created, or updated as {@link #update} does; when its source says when it
     * last confirmed the establishment ({@code sourceConfirmedAt}, else null), that is the
     * profile's {@code lastConfirmedAt} — never older than a confirmation the profile has, and a
     * newer one alone is a change.
     */
    CompanyDocument imported(CompanyDocument existing, ValidCompany valid, Instant sourceConfirmedAt) {
        if (existing == null) {
            CompanyDocument company = new CompanyDocument(UUID.randomUUID().toString(), region, clock.instant());
            company.describe(valid, clock.instant());
            if (sourceConfirmedAt != null) {
                company.confirmedBySource(sourceConfirmedAt);
            }
            return insert(company, valid.siret());
        }
        Instant before = existing.getLastConfirmedAt();
        boolean newer = sourceConfirmedAt != null && (before == null || sourceConfirmedAt.isAfter(before));
        if (sourceConfirmedAt == null || existing.sameAs(valid) && !newer) {
            return update(existing, valid);
        }
        existing.describe(valid, clock.instant());
        existing.confirmedBySource(newer ? sourceConfirmedAt : before);
        return save(existing, valid.siret());
    }

    /** Saves new content unless nothing changed; a SIRET already taken by another profile is a conflict. */
    CompanyDocument update(CompanyDocument company, ValidCompany valid) {
        if (company.sameAs(valid)) {
            return company;
        }
        company.describe(valid, clock.instant());
        return save(company, valid.siret());
    }

    /** Records that the profile is still accurate ({@code lastConfirmedAt}). */
    CompanyDocument confirm(String id, Long expectedVersion) {
        CompanyDocument company = get(id);
        VersionTags.check(company.getId(), company.getVersion(), expectedVersion, "Company");
        company.confirm(clock.instant());
        return save(company, company.getSiret());
    }

    /**
     * Replaces the kinds of demand the supplier is not interested in (a group has none to mark: 409);
     * a kind marked before keeps the day it was first marked. Matching stops proposing the supplier for them.
     */
    CompanyDocument notInterested(String id, List<NotInterestedRequest.Kind> kinds, Long expectedVersion) {
        CompanyDocument company = get(id);
        VersionTags.check(company.getId(), company.getVersion(), expectedVersion, "Company");
        if (company.getKind() == CompanyKind.GROUP) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Company " + id + " is a group: it is proposed for no demand");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Paris"));
        List<NotInterested> marked = kinds.stream().map(k -> new NotInterested(k.process(), k.sector(), today))
                .map(k -> company.getNotInterestedIn().stream().filter(k::sameKind).findFirst().orElse(k))
                .filter(new HashSet<>()::add).toList();
        if (marked.equals(company.getNotInterestedIn())) {
            return company;
        }
        company.notInterestedIn(marked, clock.instant());
        return save(company, company.getSiret());
    }

    /** Erases the profile and publishes its tombstone; the id answers 404 from then on. */
    void delete(String id, Long expectedVersion) {
        CompanyDocument company = get(id);
        VersionTags.check(company.getId(), company.getVersion(), expectedVersion, "Company");
        company.erase(clock.instant());
        save(company, null);
    }

    /** The région whose profiles this instance registers. */
    String region() {
        return region;
    }

    Optional<CompanyDocument> find(String id) {
        return repository.findById(id).filter(c -> !c.isDeleted());
    }

    Optional<CompanyDocument> findBySiret(String siret) {
        return repository.findBySiret(siret).filter(c -> !c.isDeleted());
    }

    /** The live profiles with these SIRETs, by SIRET. */
    Map<String, CompanyDocument> findBySirets(Collection<String> sirets) {
        Map<String, CompanyDocument> found = new HashMap<>();
        repository.findBySiretIn(sirets).stream().filter(c -> !c.isDeleted()).forEach(c -> found.put(c.getSiret(), c));
        return found;
    }

    Page<CompanyDocument> search(CompanySearch search, Pageable pageable) {
        return search.run(mongo, pageable);
    }

    private CompanyDocument get(String id) {
        return find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No company " + id));
    }

    private CompanyDocument save(CompanyDocument company, String siret) {
        CompanyDocument saved;
        try {
            saved = repository.save(company);
        }
        catch (OptimisticLockingFailureException e) {
            throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, ProblemDetail.forStatusAndDetail(
                    HttpStatus.PRECONDITION_FAILED, "Company " + company.getId()
                            + " was changed meanwhile; read it again and retry."), e);
        }
        catch (DuplicateKeyException e) {
            throw duplicate(siret, e);
        }
        publisher.publish(saved);
        return saved;
    }

    private static ErrorResponseException duplicate(String siret, Exception cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A profile with SIRET " + siret + " already exists.");
        problem.setTitle("Duplicate SIRET");
        problem.setProperty("errors", List.of(new FieldViolation("siret", "already registered")));
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, cause);
    }
}
