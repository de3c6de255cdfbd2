package fr.relocmatch.company.profile;

import java.time.Instant;
import java.util.List;

/** A profile as the REST API shows it. */
record CompanyView(String id, long version, CompanyKind kind, String siret, String siren, String name,
        String nafCode, List<String> processes, Site site, String adviserEmail, CompanyStatus status,
        Instant createdAt, Instant updatedAt) {

    static CompanyView of(CompanyDocument company) {
        return new CompanyView(company.getId(), company.getVersion(), company.getKind(), company.getSiret(),
                company.getSiren(), company.getName(), company.getNafCode(), company.getProcesses(),
                company.getSite(), company.getAdviserEmail(), company.getStatus(), company.getCreatedAt(),
                company.getUpdatedAt());
    }
}
