package fr.relocmatch.company.profile;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import fr.relocmatch.contracts.events.StatePublisher;
import fr.relocmatch.contracts.problem.InvalidInputException;
import fr.relocmatch.reference.Commune;
import fr.relocmatch.reference.Communes;
import fr.relocmatch.reference.ManufacturingProcesses;
import fr.relocmatch.reference.NafCodes;
import fr.relocmatch.reference.UnknownReferenceException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/** Creates and reads company profiles; every accepted change is saved, then published. */
@Service
class CompanyProfiles {

    private final CompanyRepository repository;
    private final StatePublisher<CompanyDocument> publisher;
    private final Clock clock;

    CompanyProfiles(CompanyRepository repository, StatePublisher<CompanyDocument> publisher, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.clock = clock;
    }

    CompanyDocument create(CompanyRequest request) {
        InvalidInputException.Collector faults = new InvalidInputException.Collector();
        if (!Siret.isValid(request.siret())) {
            faults.add("siret", "fails the SIRET check digit (Luhn)");
        }
        Optional<String> naf = NafCodes.shipped().normalise(request.nafCode());
        if (naf.isEmpty()) {
            faults.add("nafCode", "'" + request.nafCode() + "' is not a NAF rév. 2 sous-classe (e.g. 13.92Z)");
        }
        List<String> processes = List.copyOf(new LinkedHashSet<>(request.processes()));
        for (int i = 0; i < request.processes().size(); i++) {
            String code = request.processes().get(i);
            if (!ManufacturingProcesses.shipped().contains(code)) {
                faults.add("processes[" + i + "]", "'" + code + "' is not a process of the taxonomy");
            }
        }
        Commune commune = null;
        try {
            commune = Communes.shipped().resolve(request.site().communeCode(), request.site().postalCode());
        }
        catch (UnknownReferenceException e) {
            faults.add("site", e.getMessage());
        }
        faults.throwIfAny();

        Site site = new Site(commune.code(), commune.name(),
                request.site().postalCode() != null ? request.site().postalCode() : commune.postalCodes().getFirst(),
                commune.departementCode(), commune.regionCode(), commune.latitude(), commune.longitude());
        CompanyDocument company = new CompanyDocument(UUID.randomUUID().toString(), request.kind(), request.siret(),
                request.name().strip(), naf.get(), processes, site, request.adviserEmail().strip(), clock.instant());
        CompanyDocument saved;
        try {
            saved = repository.insert(company);
        }
        catch (DuplicateKeyException e) {
            throw new ErrorResponseException(HttpStatus.CONFLICT, problemConflict(request.siret()), e);
        }
        publisher.publish(saved);
        return saved;
    }

    Optional<CompanyDocument> find(String id) {
        return repository.findById(id);
    }

    List<CompanyDocument> all() {
        return repository.findAll();
    }

    private static org.springframework.http.ProblemDetail problemConflict(String siret) {
        org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail
                .forStatusAndDetail(HttpStatus.CONFLICT, "A profile with SIRET " + siret + " already exists.");
        problem.setTitle("Duplicate SIRET");
        problem.setProperty("errors", List.of(new fr.relocmatch.contracts.problem.FieldViolation("siret",
                "already registered")));
        return problem;
    }
}
