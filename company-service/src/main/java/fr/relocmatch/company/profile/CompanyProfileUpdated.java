package fr.relocmatch.company.profile;

import fr.relocmatch.contracts.events.EventIds;
import fr.relocmatch.reference.Sector;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Body of a {@code CompanyProfileUpdated} event: the whole profile after a change (event-carried
 * state transfer), keyed by company id on the compacted companies topic. The contact person's
 * personal data is not part of it.
 */
record CompanyProfileUpdated(UUID eventId, Instant occurredAt, String companyId, long version, CompanyKind kind,
        String siret, String siren, String name, String nafCode, List<String> processes,
        List<HeldCertification> certifications, List<Sector> sectors, List<String> labels, Integer headcount, String headcountBand,
        Capacity capacity, Site site, String adviserEmail, boolean matchingConsent, CompanyStatus status,
        Instant lastConfirmedAt, String ownerRegion, List<NotInterested> notInterestedIn) {

    static CompanyProfileUpdated of(CompanyDocument c) {
        return new CompanyProfileUpdated(eventId(c.getId(), c.getVersion()), c.getUpdatedAt(), c.getId(),
                c.getVersion(), c.getKind(), c.getSiret(), c.getSiren(), c.getName(), c.getNafCode(), c.getProcesses(),
                c.getCertifications(), c.getSectors(), c.getLabels(), c.getHeadcount(), c.getHeadcountBand(), c.getCapacity(), c.getSite(),
                c.getAdviserEmail(), c.isMatchingConsent(), c.getStatus(), c.getLastConfirmedAt(), c.getOwnerRegion(),
                c.getNotInterestedIn());
    }

    /** The same (company, version) always gets the same event id, however often it is relayed. */
    static UUID eventId(String companyId, long version) {
        return EventIds.ofVersion("company", companyId, version);
    }
}
