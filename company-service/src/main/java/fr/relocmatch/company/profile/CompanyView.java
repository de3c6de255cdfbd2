package fr.relocmatch.company.profile;

import fr.relocmatch.access.Caller;
import fr.relocmatch.reference.Sector;
import java.time.Instant;
import java.util.List;

/**
 * A profile as the REST API shows it: whole (contact included) to the advisers, admins and
 * auditors of its région and to the partner that submitted it; the published view, without the
 * contact person, to the staff of other régions.
 */
record CompanyView(String id, long version, CompanyKind kind, String siret, String siren, String name,
        String nafCode, List<String> processes, List<HeldCertification> certifications, List<Sector> sectors,
        List<String> labels, Integer headcount, String headcountBand, Capacity capacity, Site site, Contact contact, String adviserEmail,
        boolean matchingConsent, CompanyStatus status, Instant createdAt, Instant updatedAt, Instant lastConfirmedAt,
        List<NotInterested> notInterestedIn) {

    static CompanyView of(CompanyDocument c) {
        return new CompanyView(c.getId(), c.getVersion(), c.getKind(), c.getSiret(), c.getSiren(), c.getName(),
                c.getNafCode(), c.getProcesses(), c.getCertifications(), c.getSectors(), c.getLabels(),
                c.getHeadcount(), c.getHeadcountBand(), c.getCapacity(), c.getSite(), c.getContact(), c.getAdviserEmail(),
                c.isMatchingConsent(), c.getStatus(), c.getCreatedAt(), c.getUpdatedAt(), c.getLastConfirmedAt(),
                c.getNotInterestedIn());
    }

    /** What this caller may see of the profile. */
    static CompanyView of(CompanyDocument c, Caller caller) {
        CompanyView whole = of(c);
        if (caller.readsWholly(c.getOwnerRegion()) || caller.submitted(c.getSubmittedBy())) {
            return whole;
        }
        return new CompanyView(whole.id, whole.version, whole.kind, whole.siret, whole.siren, whole.name, whole.nafCode,
                whole.processes, whole.certifications, whole.sectors, whole.labels, whole.headcount,
                whole.headcountBand, whole.capacity, whole.site, null, whole.adviserEmail, whole.matchingConsent,
                whole.status, whole.createdAt, whole.updatedAt, whole.lastConfirmedAt, whole.notInterestedIn);
    }
}
