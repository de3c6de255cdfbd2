package fr.relocmatch.company.profile;

import fr.relocmatch.reference.Sector;
import java.time.Instant;
import java.util.List;

/** A profile as the REST API shows it to advisers, contact included. */
record CompanyView(String id, long version, CompanyKind kind, String siret, String siren, String name,
        String nafCode, List<String> processes, List<HeldCertification> certifications, List<Sector> sectors,
        List<String> labels, Integer headcount, String headcountBand, Capacity capacity, Site site, Contact contact, String adviserEmail,
        boolean matchingConsent, CompanyStatus status, Instant createdAt, Instant updatedAt, Instant lastConfirmedAt) {

    static CompanyView of(CompanyDocument c) {
        return new CompanyView(c.getId(), c.getVersion(), c.getKind(), c.getSiret(), c.getSiren(), c.getName(),
                c.getNafCode(), c.getProcesses(), c.getCertifications(), c.getSectors(), c.getLabels(),
                c.getHeadcount(), c.getHeadcountBand(), c.getCapacity(), c.getSite(), c.getContact(), c.getAdviserEmail(),
                c.isMatchingConsent(), c.getStatus(), c.getCreatedAt(), c.getUpdatedAt(), c.getLastConfirmedAt());
    }
}
