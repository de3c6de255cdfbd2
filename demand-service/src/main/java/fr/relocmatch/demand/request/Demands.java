package fr.relocmatch.demand.request;

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
import fr.relocmatch.reference.UnknownReferenceException;

import org.springframework.stereotype.Service;

/** Creates and reads relocation demands; every accepted change is saved, then published. */
@Service
class Demands {

    private final DemandRepository repository;
    private final StatePublisher<DemandDocument> publisher;
    private final Clock clock;

    Demands(DemandRepository repository, StatePublisher<DemandDocument> publisher, Clock clock) {
        this.repository = repository;
        this.publisher = publisher;
        this.clock = clock;
    }

    DemandDocument create(DemandRequest request) {
        InvalidInputException.Collector faults = new InvalidInputException.Collector();
        for (int i = 0; i < request.requiredProcesses().size(); i++) {
            String code = request.requiredProcesses().get(i);
            if (!ManufacturingProcesses.shipped().contains(code)) {
                faults.add("requiredProcesses[" + i + "]", "'" + code + "' is not a process of the taxonomy");
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

        DemandSite site = new DemandSite(commune.code(), commune.name(), commune.departementCode(),
                commune.regionCode(), commune.latitude(), commune.longitude());
        DemandDocument demand = new DemandDocument(UUID.randomUUID().toString(), request.title().strip(),
                request.description(), request.buyerName().strip(), request.buyerSiret(),
                List.copyOf(new LinkedHashSet<>(request.requiredProcesses())), site, request.maxDistanceKm(),
                request.adviserEmail().strip(), clock.instant());
        DemandDocument saved = repository.insert(demand);
        publisher.publish(saved);
        return saved;
    }

    Optional<DemandDocument> find(String id) {
        return repository.findById(id);
    }

    List<DemandDocument> all() {
        return repository.findAll();
    }
}
