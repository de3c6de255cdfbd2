package fr.relocmatch.demand.request;

import java.time.Instant;
import java.util.List;

import fr.relocmatch.contracts.events.PublishedDocument;

import org.springframework.data.mongodb.core.mapping.Document;

/** A relocation demand as stored by demand-service. */
@Document("demands")
class DemandDocument extends PublishedDocument {

    private String title;
    private String description;
    private String buyerName;
    private String buyerSiret;
    private List<String> requiredProcesses;
    private DemandSite site;
    private int maxDistanceKm;
    private String adviserEmail;
    private DemandStatus status;
    private Instant createdAt;

    DemandDocument() {
    }

    DemandDocument(String id, String title, String description, String buyerName, String buyerSiret,
            List<String> requiredProcesses, DemandSite site, int maxDistanceKm, String adviserEmail, Instant now) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.buyerName = buyerName;
        this.buyerSiret = buyerSiret;
        this.requiredProcesses = List.copyOf(requiredProcesses);
        this.site = site;
        this.maxDistanceKm = maxDistanceKm;
        this.adviserEmail = adviserEmail;
        // The lifecycle with drafts comes with the demand model; a demand published through the
        // API is open for matching at once.
        this.status = DemandStatus.OPEN;
        this.createdAt = now;
        this.updatedAt = now;
    }

    String getTitle() {
        return title;
    }

    String getDescription() {
        return description;
    }

    String getBuyerName() {
        return buyerName;
    }

    String getBuyerSiret() {
        return buyerSiret;
    }

    List<String> getRequiredProcesses() {
        return requiredProcesses;
    }

    DemandSite getSite() {
        return site;
    }

    int getMaxDistanceKm() {
        return maxDistanceKm;
    }

    String getAdviserEmail() {
        return adviserEmail;
    }

    DemandStatus getStatus() {
        return status;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
