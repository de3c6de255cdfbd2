package fr.relocmatch.demand.relocation;

import java.util.Collections;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import fr.relocmatch.api.InvalidInputException;
import fr.relocmatch.reference.Certifications;
import fr.relocmatch.reference.Commune;
import fr.relocmatch.reference.Communes;
import fr.relocmatch.reference.ManufacturingProcesses;
import fr.relocmatch.reference.NafCodes;
import fr.relocmatch.reference.Regions;
import fr.relocmatch.reference.UnknownReferenceException;

import org.springframework.stereotype.Component;

/**
 * Checks a demand request against the rules no annotation expresses: codes of the shipped
 * vocabularies, a buyer known from the companies topic, a coherent location and dates. Reports
 * every fault at once.
 */
@Component
class DemandValidator {

    private final KnownCompanies companies;
    private final DemandProperties properties;
    private final Clock clock;

    DemandValidator(KnownCompanies companies, DemandProperties properties, Clock clock) {
        this.companies = companies;
        this.properties = properties;
        this.clock = clock;
    }

    ValidDemand validate(DemandRequest request) {
        InvalidInputException.Collector faults = new InvalidInputException.Collector();
        Buyer buyer = buyer(request, faults);
        List<String> required = processes("requiredProcesses", request.requiredProcesses(), faults);
        List<String> preferred = processes("preferredProcesses", orEmpty(request.preferredProcesses()), faults);
        if (!Collections.disjoint(required, preferred)) {
            faults.add("preferredProcesses", "must not repeat a required process");
        }
        List<String> naf = new ArrayList<>();
        List<String> targetNaf = orEmpty(request.targetNafCodes());
        for (int i = 0; i < targetNaf.size(); i++) {
            Optional<String> code = NafCodes.shipped().normaliseAnyLevel(targetNaf.get(i));
            if (code.isEmpty()) {
                faults.add("targetNafCodes[" + i + "]", "'" + targetNaf.get(i) + "' is not a NAF rév. 2 code");
            }
            code.ifPresent(naf::add);
        }
        List<String> certifications = orEmpty(request.requiredCertifications());
        for (int i = 0; i < certifications.size(); i++) {
            int index = i;
            Certifications.shipped().certificateProblem(certifications.get(i))
                    .ifPresent(problem -> faults.add("requiredCertifications[" + index + "]", problem));
        }
        if (request.product() != null && request.product().scheme() != null && !request.product().code().matches(
                request.product().scheme() == ProductScheme.CPF ? "\\d{2}\\.\\d{2}\\.\\d{2}" : "\\d{6}")) {
            faults.add("product.code", request.product().scheme() == ProductScheme.CPF
                    ? "a CPF code reads NN.NN.NN" : "an HS code has 6 digits");
        }
        LocalDate today = LocalDate.now(clock);
        // the default validity runs at least to the start of production: a demand that expired before
        // production starts would be no use; an explicit one that does is refused below
        LocalDate defaultValidity = today.plus(properties.defaultValidity());
        LocalDate validUntil = request.validUntil() != null ? request.validUntil()
                : request.startDate() != null && request.startDate().isAfter(defaultValidity) ? request.startDate()
                        : defaultValidity;
        if (request.startDate().isBefore(today)) {
            faults.add("startDate", "must be today or later");
        }
        if (!validUntil.isAfter(today)) {
            faults.add("validUntil", "must be after today");
        }
        else if (request.validUntil() != null && request.startDate() != null && validUntil.isBefore(request.startDate())) {
            faults.add("validUntil", "ends before startDate " + request.startDate()
                    + ": the demand would expire before production starts");
        }
        Location location = location(request.location(), faults);
        faults.throwIfAny();
        return new ValidDemand(request.title().strip(), request.description(), buyer, request.product(), required,
                preferred, naf, List.copyOf(new LinkedHashSet<>(certifications)), volume(request.annualVolume()),
                request.targetUnitPriceEur(), request.sector(), request.startDate(), validUntil, location, request.adviserEmail().strip(),
                Boolean.TRUE.equals(request.confidential()));
    }

    private DemandRequest.Volume volume(DemandRequest.Volume volume) {
        return volume.minimumCoveragePercent() != null ? volume : new DemandRequest.Volume(volume.quantity(), volume.unit(),
                properties.defaultMinimumCoveragePercent());
    }

    private Buyer buyer(DemandRequest request, InvalidInputException.Collector faults) {
        if (request.buyerCompanyId() == null && request.buyerSiret() == null) {
            faults.add("buyerCompanyId", "give the buyer's company id or SIRET");
            return null;
        }
        Optional<KnownCompany> known = request.buyerCompanyId() != null ? companies.byId(request.buyerCompanyId())
                : companies.bySiret(request.buyerSiret());
        String field = request.buyerCompanyId() != null ? "buyerCompanyId" : "buyerSiret";
        if (known.isEmpty()) {
            faults.add(field, "no such company profile (profiles reach demand-service through the companies topic)");
            return null;
        }
        if (!known.get().canBuy()) {
            faults.add(field, known.get().name() + " is not an active GROUP profile");
            return null;
        }
        if (request.buyerCompanyId() != null && request.buyerSiret() != null
                && !request.buyerSiret().equals(known.get().siret())) {
            faults.add("buyerSiret", "does not match the SIRET of company " + request.buyerCompanyId());
        }
        return new Buyer(known.get().id(), known.get().siret(), known.get().name());
    }

    private static List<String> processes(String field, List<String> codes, InvalidInputException.Collector faults) {
        for (int i = 0; i < codes.size(); i++) {
            if (!ManufacturingProcesses.shipped().contains(codes.get(i))) {
                faults.add(field + "[" + i + "]", "'" + codes.get(i) + "' is not a process of the taxonomy");
            }
        }
        return List.copyOf(new LinkedHashSet<>(codes));
    }

    private static Location location(DemandRequest.LocationRequest request, InvalidInputException.Collector faults) {
        DemandSite site = site(request, faults);
        return switch (request.mode()) {
            case RADIUS -> {
                if (request.maxDistanceKm() == null) {
                    faults.add("location.maxDistanceKm", "is required in RADIUS mode");
                }
                if (request.communeCode() == null && request.postalCode() == null) {
                    faults.add("location.communeCode", "the centre of the radius is required in RADIUS mode");
                }
                if (request.regions() != null && !request.regions().isEmpty()) {
                    faults.add("location.regions", "only in REGIONS mode");
                }
                yield new Location(LocationMode.RADIUS, site, request.maxDistanceKm(), List.of());
            }
            case REGIONS -> {
                List<String> regions = orEmpty(request.regions());
                if (regions.isEmpty()) {
                    faults.add("location.regions", "at least one région is required in REGIONS mode");
                }
                for (int i = 0; i < regions.size(); i++) {
                    if (Regions.shipped().byCode(regions.get(i)).isEmpty()) {
                        faults.add("location.regions[" + i + "]", "'" + regions.get(i) + "' is not a région code");
                    }
                }
                rejectRadius(request, faults);
                yield new Location(LocationMode.REGIONS, site, null, List.copyOf(new LinkedHashSet<>(regions)));
            }
            case NATIONWIDE -> {
                if (request.regions() != null && !request.regions().isEmpty()) {
                    faults.add("location.regions", "only in REGIONS mode");
                }
                rejectRadius(request, faults);
                yield new Location(LocationMode.NATIONWIDE, site, null, List.of());
            }
        };
    }

    /** The delivery site (the centre of the radius in RADIUS mode), when a commune is given. */
    private static DemandSite site(DemandRequest.LocationRequest request, InvalidInputException.Collector faults) {
        if (request.communeCode() == null && request.postalCode() == null) {
            return null;
        }
        try {
            Commune commune = Communes.shipped().resolve(request.communeCode(), request.postalCode());
            return new DemandSite(commune.code(), commune.name(), commune.departementCode(), commune.regionCode(),
                    commune.latitude(), commune.longitude());
        }
        catch (UnknownReferenceException e) {
            faults.add("location", e.getMessage());
            return null;
        }
    }

    private static void rejectRadius(DemandRequest.LocationRequest request, InvalidInputException.Collector faults) {
        if (request.maxDistanceKm() != null) {
            faults.add("location.maxDistanceKm", "a radius belongs to RADIUS mode only; in " + request.mode()
                    + " mode the commune is the delivery site and distance counts in the score");
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
