package fr.relocmatch.company.profile;

import fr.relocmatch.reference.Siret;

import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import fr.relocmatch.contracts.schema.FieldViolation;
import fr.relocmatch.api.InvalidInputException;
import fr.relocmatch.reference.Certifications;
import fr.relocmatch.reference.Commune;
import fr.relocmatch.reference.Communes;
import fr.relocmatch.reference.ManufacturingProcesses;
import fr.relocmatch.reference.NafCodes;
import fr.relocmatch.reference.UnknownReferenceException;

import org.springframework.stereotype.Component;

/**
 * The rules every profile obeys, whichever way it comes in (REST create or replace, partial
 * update, CSV import): Bean Validation constraints of {@link CompanyRequest}, then the codes
 * against the shipped vocabularies and the site against the communes.
 */
@Component
class CompanyValidator {

    private final Validator validator;

    CompanyValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * Checks the constraints and the rules; throws with every offending field at once — a rule is
     * skipped only for a field whose constraints already failed (a SIRET of 13 digits is not also
     * said to fail its check digit).
     */
    ValidCompany validate(CompanyRequest request) {
        return rules(request, constraints(request));
    }

    private List<FieldViolation> constraints(CompanyRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<CompanyRequest> violation : validator.validate(request)) {
            violations.add(new FieldViolation(fieldName(violation), violation.getMessage()));
        }
        violations.sort(Comparator.comparing(FieldViolation::field));
        return violations;
    }

    /** {@code processes[2].<list element>} as Hibernate Validator says it, {@code processes[2]} as clients read it. */
    private static String fieldName(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }

    /** The domain rules, after the constraints: what those found, and what these find besides. */
    private ValidCompany rules(CompanyRequest request, List<FieldViolation> constraints) {
        InvalidInputException.Collector faults = new InvalidInputException.Collector();
        constraints.forEach(v -> faults.add(v.field(), v.message()));
        Set<String> failed = new HashSet<>();
        constraints.forEach(v -> failed.add(v.field().replaceAll("[\\[.].*$", "")));
        if (!failed.contains("siret") && !Siret.isValid(request.siret())) {
            faults.add("siret", "fails the SIRET check digit (Luhn)");
        }
        Optional<String> naf = failed.contains("nafCode") ? Optional.empty() : NafCodes.shipped().normalise(request.nafCode());
        if (!failed.contains("nafCode") && naf.isEmpty()) {
            faults.add("nafCode", "'" + request.nafCode() + "' is not a NAF rév. 2 sous-classe (e.g. 13.92Z)");
        }
        List<String> processes = failed.contains("processes") ? List.of() : distinct(request.processes());
        for (int i = 0; !failed.contains("processes") && i < orEmpty(request.processes()).size(); i++) {
            String code = request.processes().get(i);
            if (!ManufacturingProcesses.shipped().contains(code)) {
                faults.add("processes[" + i + "]", "'" + code + "' is not a process of the taxonomy");
            }
        }
        if (!failed.contains("processes") && request.kind() != CompanyKind.GROUP && processes.isEmpty()) {
            faults.add("processes", "a supplier declares at least one manufacturing process");
        }
        List<HeldCertification> certifications = new ArrayList<>();
        for (int i = 0; !failed.contains("certifications") && i < orEmpty(request.certifications()).size(); i++) {
            CompanyRequest.CertificationRequest held = request.certifications().get(i);
            String code = held.code().strip().toUpperCase();
            int index = i;
            Certifications.shipped().certificateProblem(code)
                    .ifPresent(problem -> faults.add("certifications[" + index + "].code", problem));
            if (held.validFrom() != null && held.validFrom().isAfter(held.validUntil())) {
                faults.add("certifications[" + i + "].validFrom", "is after validUntil");
            }
            certifications.add(new HeldCertification(code, held.validFrom(), held.validUntil(),
                    blankToNull(held.certificateNumber())));
        }
        List<String> labels = failed.contains("labels") ? List.of()
                : distinct(orEmpty(request.labels()).stream().map(l -> l.strip().toUpperCase()).toList());
        for (int i = 0; !failed.contains("labels") && i < orEmpty(request.labels()).size(); i++) {
            String code = request.labels().get(i).strip().toUpperCase();
            int index = i;
            Certifications.shipped().companyLabelProblem(code).ifPresent(problem -> faults.add("labels[" + index + "]", problem));
        }
        boolean headcountRead = !failed.contains("headcount") && !failed.contains("headcountBand");
        String band = request.headcount() != null && headcountRead ? HeadcountBand.of(request.headcount()).code()
                : request.headcountBand();
        if (headcountRead && request.headcount() != null && request.headcountBand() != null
                && !request.headcountBand().equals(band)) {
            faults.add("headcountBand", "is " + request.headcountBand() + " but a headcount of " + request.headcount()
                    + " falls in band " + HeadcountBand.of(request.headcount()).describe());
        }
        Commune commune = null;
        try {
            if (!failed.contains("site")) {
                commune = Communes.shipped().resolve(request.site().communeCode(), request.site().postalCode());
            }
        }
        catch (UnknownReferenceException e) {
            faults.add("site", e.getMessage());
        }
        faults.throwIfAny();

        Site site = new Site(commune.code(), commune.name(),
                request.site().postalCode() != null ? request.site().postalCode() : commune.postalCodes().getFirst(),
                commune.departementCode(), commune.regionCode(), commune.latitude(), commune.longitude());
        Capacity capacity = request.capacity() == null ? null : new Capacity(request.capacity().annualQuantity(),
                request.capacity().unit(), request.capacity().availablePercent());
        Contact contact = request.contact() == null ? null : new Contact(request.contact().name().strip(),
                request.contact().email().strip(), blankToNull(request.contact().phone()));
        return new ValidCompany(request.kind(), request.siret(), request.name().strip(), naf.get(), processes,
                List.copyOf(certifications), distinct(request.sectors()), labels, request.headcount(), band, capacity, site,
                contact, request.adviserEmail().strip(), request.matchingConsent(),
                request.status() == null ? CompanyStatus.ACTIVE : request.status());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> List<T> distinct(List<T> list) {
        return List.copyOf(new LinkedHashSet<>(orEmpty(list)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
