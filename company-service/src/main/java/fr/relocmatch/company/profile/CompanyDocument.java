package fr.relocmatch.company.profile;

import java.time.Instant;
import java.util.List;

import fr.relocmatch.contracts.events.PublishedDocument;

import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** A company profile as stored by company-service. */
@Document("companies")
class CompanyDocument extends PublishedDocument {

    private CompanyKind kind;
    @Indexed(unique = true)
    private String siret;
    private String siren;
    private String name;
    private String nafCode;
    private List<String> processes;
    private Site site;
    private String adviserEmail;
    private CompanyStatus status;
    private Instant createdAt;

    CompanyDocument() {
    }

    CompanyDocument(String id, CompanyKind kind, String siret, String name, String nafCode, List<String> processes,
            Site site, String adviserEmail, Instant now) {
        this.id = id;
        this.kind = kind;
        this.siret = siret;
        this.siren = Siret.siren(siret);
        this.name = name;
        this.nafCode = nafCode;
        this.processes = List.copyOf(processes);
        this.site = site;
        this.adviserEmail = adviserEmail;
        this.status = CompanyStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
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

    Site getSite() {
        return site;
    }

    String getAdviserEmail() {
        return adviserEmail;
    }

    CompanyStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
