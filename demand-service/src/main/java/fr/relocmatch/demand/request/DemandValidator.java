package fr.relocmatch.demand.request;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import fr.relocmatch.contracts.problem.InvalidInputException;
import fr.relocmatch.reference.Certifications;
import fr.relocmatch.reference.Commune;
import fr.relocmatch.reference.Communes;
import fr.relocmatch.reference.ManufacturingProcesses;
import fr.relocmatch.reference.NafCodes;
import fr.relocmatch.reference.UnknownReferenceException;

import org.springframework.stereotype.Component;

/**
 * Checks a demand request against the rules no annotation expresses: codes of the shipped
 * vocabularies, a buyer known from the companies topic, a coherent location and dates. Reports
 * every fault at once.
 */
@Component
class DemandValidator {

    private static final java.util.Set<String> REGIONS = java.util.Set.of("01", "02", "03", "04", "06", "11", "24",
            "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94");

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
        if (!java.util.Collections.disjoint(required, preferred)) {
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
            if (!Certifications.shipped().contains(certifications.get(i))) {
                faults.add("requiredCertifications[" + i + "]", "'" + certifications.get(i)
                        + "' is not a known certification (e.g. ISO9001, EN9100, IATF16949)");
            }
        }
        if (request.product() != null && request.product().scheme() != null && !request.product().code().matches(
                request.product().scheme() == ProductScheme.CPF ? "\\d{2}\\.\\d{2}\\.\\d{2}" : "\\d{6}")) {
            faults.add("product.code", request.product().scheme() == ProductScheme.CPF
                    ? "a CPF code reads NN.NN.NN" : "an HS code has 6 digits");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate validUntil = request.validUntil() != null ? request.validUntil()
                : today.plus(properties.defaultValidity());
        if (request.startDate().isBefore(today)) {
            faults.add("startDate", "must be today or later");
        }
        if (!validUntil.isAfter(today)) {
            faults.add("validUntil", "must be after today");
        }
        Location location = location(request.location(), faults);
        faults.throwIfAny();
        return new ValidDemand(request.title().strip(), request.description(), buyer, request.product(), required,
                preferred, naf, List.copyOf(new LinkedHashSet<>(certifications)), request.annualVolume(),
                request.targetUnitPriceEur(), request.sector(), request.startDate(), validUntil, location, request.adviserEmail().strip(),
                Boolean.TRUE.equals(request.confidential()));
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
        return switch (request.mode()) {
            case RADIUS -> {
                if (request.maxDistanceKm() == null) {
                    faults.add("location.maxDistanceKm", "is required in RADIUS mode");
                }
                if (request.regions() != null && !request.regions().isEmpty()) {
                    faults.add("location.regions", "only in REGIONS mode");
                }
                try {
                    Commune commune = Communes.shipped().resolve(request.communeCode(), request.postalCode());
                    yield new Location(LocationMode.RADIUS, new DemandSite(commune.code(), commune.name(),
                            commune.departementCode(), commune.regionCode(), commune.latitude(), commune.longitude()),
                            request.maxDistanceKm(), List.of());
                }
                catch (UnknownReferenceException e) {
                    faults.add("location", e.getMessage());
                    yield null;
                }
            }
            case REGIONS -> {
                List<String> regions = orEmpty(request.regions());
                if (regions.isEmpty()) {
                    faults.add("location.regions", "at least one région is required in REGIONS mode");
                }
                for (int i = 0; i < regions.size(); i++) {
                    if (!REGIONS.contains(regions.get(i))) {
                        faults.add("location.regions[" + i + "]", "'" + regions.get(i) + "' is not a région code");
                    }
                }
                rejectSiteFields(request, faults);
                yield new Location(LocationMode.REGIONS, null, null, List.copyOf(new LinkedHashSet<>(regions)));
            }
            case NATIONWIDE -> {
                if (request.regions() != null && !request.regions().isEmpty()) {
                    faults.add("location.regions", "only in REGIONS mode");
                }
                rejectSiteFields(request, faults);
                yield new Location(LocationMode.NATIONWIDE, null, null, List.of());
            }
        };
    }

    private static void rejectSiteFields(DemandRequest.LocationRequest request, InvalidInputException.Collector faults) {
        if (request.maxDistanceKm() != null || request.communeCode() != null || request.postalCode() != null) {
            faults.add("location", "a site and a distance belong to RADIUS mode only");
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
