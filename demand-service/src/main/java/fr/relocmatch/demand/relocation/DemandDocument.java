package fr.relocmatch.demand.relocation;

import java.util.ArrayList;
import fr.relocmatch.reference.Sector;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import fr.relocmatch.state.events.PublishedDocument;

import org.springframework.data.mongodb.core.mapping.Document;

/** A relocation demand as stored by demand-service. */
@Document("demands")
class DemandDocument extends PublishedDocument {

    private String title;
    private String description;
    private Buyer buyer;
    private DemandRequest.ProductCode product;
    private List<String> requiredProcesses;
    private List<String> preferredProcesses;
    private List<String> targetNafCodes;
    private List<String> requiredCertifications;
    private DemandRequest.Volume annualVolume;
    private BigDecimal targetUnitPriceEur;
    private Sector sector;
    private LocalDate startDate;
    private LocalDate validUntil;
    private Location location;
    /** Copied from the location so that searches by région cover RADIUS and REGIONS alike. */
    private List<String> regions;
    private String adviserEmail;
    private List<Disclosure> disclosures = new ArrayList<>();
    private boolean confidential;
    private DemandStatus status;
    private String statusReason;
    private Instant createdAt;
    /** When the demand was first opened (published for matching); null while a DRAFT. */
    private Instant openedAt;
    /** INSEE code of the région whose instance took the demand: its matching-service matches it. */
    private String ownerRegion;
    /** The partner ({@code partner} claim, {@code ce_source}) that submitted the demand; none when a CCI did. */
    private String submittedBy;

    DemandDocument() {
    }

    DemandDocument(String id, String ownerRegion, Instant now) {
        this.id = id;
        this.ownerRegion = ownerRegion;
        this.status = DemandStatus.DRAFT;
        this.createdAt = now;
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

    /** Replaces the content (not the status) of the demand. */
    void describe(ValidDemand demand, Instant now) {
        this.title = demand.title();
        this.description = demand.description();
        this.buyer = demand.buyer();
        this.product = demand.product();
        this.requiredProcesses = demand.requiredProcesses();
        this.preferredProcesses = demand.preferredProcesses();
        this.targetNafCodes = demand.targetNafCodes();
        this.requiredCertifications = demand.requiredCertifications();
        this.annualVolume = demand.annualVolume();
        this.targetUnitPriceEur = demand.targetUnitPriceEur();
        this.sector = demand.sector();
        this.startDate = demand.startDate();
        this.validUntil = demand.validUntil();
        this.location = demand.location();
        this.regions = demand.location().mode() == LocationMode.RADIUS ? List.of(demand.location().site().regionCode())
                : demand.location().regions();
        this.adviserEmail = demand.adviserEmail();
        this.confidential = demand.confidential();
        this.updatedAt = now;
    }

    /**
     * Reveals the buyer to the supplier of an accepted match; answers false when it already was.
     */
    boolean disclose(String matchId, String companyId, Instant now) {
        if (disclosures == null) {
            disclosures = new ArrayList<>();
        }
        if (disclosures.stream().anyMatch(d -> d.matchId().equals(matchId))) {
            return false;
        }
        disclosures.add(new Disclosure(matchId, companyId, now));
        updatedAt = now;
        return true;
    }

    List<Disclosure> getDisclosures() {
        return disclosures == null ? List.of() : List.copyOf(disclosures);
    }

    /**
     * Moves to another status.
     *
     * @throws IllegalTransitionException when the lifecycle does not allow it
     */
    void moveTo(DemandStatus target, String reason, Instant now) {
        if (!status.next().contains(target)) {
            throw new IllegalTransitionException(id, status, target);
        }
        status = target;
        statusReason = reason;
        updatedAt = now;
        if (target == DemandStatus.OPEN && openedAt == null) {
            // as MongoDB keeps it: every event of the demand then gives the same instant
            openedAt = now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        }
    }

    /**
     * When the demand was first opened; for a demand opened before this was recorded, its creation
     * (demands were opened as they were created then). Null while a DRAFT.
     */
    Instant getOpenedAt() {
        return openedAt != null ? openedAt : status == DemandStatus.DRAFT ? null : createdAt;
    }

    String getTitle() {
        return title;
    }

    String getDescription() {
        return description;
    }

    Buyer getBuyer() {
        return buyer;
    }

    DemandRequest.ProductCode getProduct() {
        return product;
    }

    List<String> getRequiredProcesses() {
        return requiredProcesses;
    }

    List<String> getPreferredProcesses() {
        return preferredProcesses;
    }

    List<String> getTargetNafCodes() {
        return targetNafCodes;
    }

    List<String> getRequiredCertifications() {
        return requiredCertifications;
    }

    DemandRequest.Volume getAnnualVolume() {
        return annualVolume;
    }

    Sector getSector() {
        return sector;
    }

    BigDecimal getTargetUnitPriceEur() {
        return targetUnitPriceEur;
    }

    LocalDate getStartDate() {
        return startDate;
    }

    LocalDate getValidUntil() {
        return validUntil;
    }

    Location getLocation() {
        return location;
    }

    String getAdviserEmail() {
        return adviserEmail;
    }

    boolean isConfidential() {
        return confidential;
    }

    DemandStatus getStatus() {
        return status;
    }

    String getStatusReason() {
        return statusReason;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
