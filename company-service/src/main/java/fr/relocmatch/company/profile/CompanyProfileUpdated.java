package fr.relocmatch.company.profile;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Body of a {@code CompanyProfileUpdated} event: the whole profile after a change (event-carried
 * state transfer), keyed by company id on the compacted companies topic. Adviser-only contact data
 * is not part of it.
 */
record CompanyProfileUpdated(UUID eventId, Instant occurredAt, String companyId, long version, CompanyKind kind,
        String siret, String siren, String name, String nafCode, List<String> processes, Site site,
        String adviserEmail, CompanyStatus status) {

    static CompanyProfileUpdated of(CompanyDocument company) {
        return new CompanyProfileUpdated(eventId(company.getId(), company.getVersion()), company.getUpdatedAt(),
                company.getId(), company.getVersion(), company.getKind(), company.getSiret(), company.getSiren(),
                company.getName(), company.getNafCode(), company.getProcesses(), company.getSite(),
                company.getAdviserEmail(), company.getStatus());
    }

    /** The same (company, version) always gets the same event id, however often it is relayed. */
    static UUID eventId(String companyId, long version) {
        return UUID.nameUUIDFromBytes(("company/" + companyId + "@" + version).getBytes(StandardCharsets.UTF_8));
    }
}
