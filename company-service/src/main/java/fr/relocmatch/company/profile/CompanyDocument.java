package fr.relocmatch.company.profile;

import fr.relocmatch.reference.Siret;

import fr.relocmatch.reference.Sector;
import java.time.Instant;
import java.util.List;

import fr.relocmatch.state.events.PublishedDocument;

import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A company profile as stored by company-service. A deleted profile keeps only its id, version and
 * deletion time until its tombstone is published: every other field, personal data first, is erased.
 */
@Document("companies")
class CompanyDocument extends PublishedDocument {

    private CompanyKind kind;
    /** Sparse: erased profiles have none, and the SIRET may be registered again. */
    @Indexed(unique = true, sparse = true)
    private String siret;
    private String siren;
    private String name;
    @Indexed
    private String nafCode;
    private List<String> processes;
    private List<HeldCertification> certifications;
    private List<Sector> sectors;
    private List<String> labels;
    private Integer headcount;
    private String headcountBand;
    private Capacity capacity;
    private Site site;
    private Contact contact;
    private String adviserEmail;
    private boolean matchingConsent;
    private CompanyStatus status;
    private Instant createdAt;
    private Instant lastConfirmedAt;
    private boolean deleted;
    /** INSEE code of the région whose instance registered the profile and whose advisers follow it. */
    private String ownerRegion;
    /** The partner ({@code partner} claim, {@code ce_source}) that submitted the profile; none when a CCI did. */
    private String submittedBy;
    /** The kinds of demand its adviser marked the supplier not interested in; none when null. */
    private List<NotInterested> notInterestedIn;

    CompanyDocument() {
    }

    CompanyDocument(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
    }

    CompanyDocument(String id, String ownerRegion, Instant now) {
        this(id, now);
        this.ownerRegion = ownerRegion;
    }

    String getOwnerRegion() {
        return ownerRegion;
    }

    String getSubmittedBy() {
        return submittedBy;
    }

    void submittedBy(String partner) {
        this.submittedBy = partner;
    }

    /** Takes the content of a validated request; an edit by the company or its adviser confirms the profile. */
    void describe(ValidCompany valid, Instant now) {
        this.kind = valid.kind();
        this.siret = valid.siret();
        this.siren = Siret.siren(valid.siret());
        this.name = valid.name();
        this.nafCode = valid.nafCode();
        this.processes = valid.processes();
        this.certifications = valid.certifications();
        this.sectors = valid.sectors();
        this.labels = valid.labels();
        this.headcount = valid.headcount();
        this.headcountBand = valid.headcountBand();
        this.capacity = valid.capacity();
        this.site = valid.site();
        this.contact = valid.contact();
        this.adviserEmail = valid.adviserEmail();
        this.matchingConsent = valid.matchingConsent();
        this.status = valid.status();
        this.lastConfirmedAt = now;
        this.updatedAt = now;
    }

    /** Whether the request would change nothing (an import re-run, a PUT of the same body). */
    boolean sameAs(ValidCompany valid) {
        return !deleted && new ValidCompany(kind, siret, name, nafCode, processes, certifications, sectors, labels,
                headcount, headcountBand, capacity, site, contact, adviserEmail, matchingConsent, status).equals(valid);
    }

    /** The source an import came from last confirmed the establishment then (not now, as an edit says). */
    void confirmedBySource(Instant at) {
        this.lastConfirmedAt = at;
    }

    /** The company or its adviser confirmed the profile is still accurate. */
    void confirm(Instant now) {
        this.lastConfirmedAt = now;
        this.updatedAt = now;
    }

    /** The kinds of demand the supplier is not interested in, as its adviser marked them now. */
    void notInterestedIn(List<NotInterested> kinds, Instant now) {
        this.notInterestedIn = kinds.isEmpty() ? null : List.copyOf(kinds);
        this.updatedAt = now;
    }

    List<NotInterested> getNotInterestedIn() {
        return notInterestedIn == null ? List.of() : notInterestedIn;
    }

    /** Right to erasure: keeps nothing but the id, so that the deletion can still be published. */
    void erase(Instant now) {
        this.kind = null;
        this.siret = null;
        this.siren = null;
        this.name = null;
        this.nafCode = null;
        this.processes = null;
        this.certifications = null;
        this.sectors = null;
        this.labels = null;
        this.headcount = null;
        this.headcountBand = null;
        this.capacity = null;
        this.site = null;
        this.contact = null;
        this.adviserEmail = null;
        this.matchingConsent = false;
        this.status = null;
        this.lastConfirmedAt = null;
        this.notInterestedIn = null;
        this.deleted = true;
        this.updatedAt = now;
    }

    /** The profile as a request, the base a partial update is merged into. */
    CompanyRequest toRequest() {
        return new CompanyRequest(kind, siret, name, nafCode, processes,
                certifications.stream().map(c -> new CompanyRequest.CertificationRequest(c.code(), c.validFrom(),
                        c.validUntil(), c.certificateNumber())).toList(),
                sectors, labels, headcount, headcount == null ? headcountBand : null,
                capacity == null ? null : new CompanyRequest.CapacityRequest(capacity.annualQuantity(), capacity.unit(),
                        capacity.availablePercent()),
                new CompanyRequest.SiteRequest(site.communeCode(), null),
                contact == null ? null : new CompanyRequest.ContactRequest(contact.name(), contact.email(), contact.phone()),
                adviserEmail, matchingConsent, status);
    }

    CompanyKind getKind() {
        return kind;
    }

    String getSiret() {
        return siret;
    }

    String getSiren() {
        return siren;
    }

    String getName() {
        return name;
    }

    String getNafCode() {
        return nafCode;
    }

    List<String> getProcesses() {
        return processes;
    }

    List<HeldCertification> getCertifications() {
        return certifications;
    }

    List<Sector> getSectors() {
        return sectors;
    }

    List<String> getLabels() {
        return labels;
    }

    Integer getHeadcount() {
        return headcount;
    }

    String getHeadcountBand() {
        return headcountBand;
    }

    Capacity getCapacity() {
        return capacity;
    }

    Site getSite() {
        return site;
    }

    Contact getContact() {
        return contact;
    }

    String getAdviserEmail() {
        return adviserEmail;
    }

    boolean isMatchingConsent() {
        return matchingConsent;
    }

    CompanyStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getLastConfirmedAt() {
        return lastConfirmedAt;
    }

    boolean isDeleted() {
        return deleted;
    }
}
