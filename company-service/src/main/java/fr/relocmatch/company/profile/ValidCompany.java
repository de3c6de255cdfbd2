package fr.relocmatch.company.profile;

import fr.relocmatch.reference.Sector;
import java.util.List;

/** A profile request that passed every rule, with its codes normalised and its site resolved. */
record ValidCompany(CompanyKind kind, String siret, String name, String nafCode, List<String> processes,
        List<HeldCertification> certifications, List<Sector> sectors, List<String> labels, Integer headcount,
        String headcountBand, Capacity capacity, Site site, Contact contact, String adviserEmail, boolean matchingConsent,
        CompanyStatus status) {
}
