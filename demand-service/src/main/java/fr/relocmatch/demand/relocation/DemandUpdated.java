package fr.relocmatch.demand.relocation;

import fr.relocmatch.contracts.events.EventIds;
import fr.relocmatch.reference.Sector;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Body of a {@code DemandUpdated} event: the whole demand after a change, keyed by demand id on
 * the compacted demands topic. For a confidential demand the buyer's name and SIRET are left out
 * until an adviser accepts a match ({@code disclosures} then names the buyer for that match only);
 * what the gates need to never propose the buyer to itself — its company id and its SIREN, which
 * every establishment of the buyer shares — is always there. Confidentiality is about what people
 * see: the APIs and e-mails built from this event hide the buyer, the gates do not.
 */
record DemandUpdated(UUID eventId, Instant occurredAt, String demandId, long version, DemandStatus status,
        String title, String description, boolean confidential, String buyerCompanyId, String buyerSiren,
        String buyerName, String buyerSiret, DemandRequest.ProductCode product, List<String> requiredProcesses,
        List<String> preferredProcesses, List<String> targetNafCodes, List<String> requiredCertifications,
        DemandRequest.Volume annualVolume, BigDecimal targetUnitPriceEur, Sector sector, LocalDate startDate, LocalDate validUntil,
        LocationMode locationMode, DemandSite site, Integer maxDistanceKm, List<String> regions,
        String adviserEmail, List<DisclosedBuyer> disclosures, String ownerRegion, Instant openedAt, String submittedBy) {

    /** The buyer of a confidential demand, revealed to the supplier of one accepted match only. */
    record DisclosedBuyer(String matchId, String companyId, String buyerName, String buyerSiret) {
    }

    static DemandUpdated of(DemandDocument d) {
        Buyer buyer = d.getBuyer();
        boolean hidden = d.isConfidential();
        Location location = d.getLocation();
        return new DemandUpdated(eventId(d.getId(), d.getVersion()), d.getUpdatedAt(), d.getId(), d.getVersion(),
                d.getStatus(), d.getTitle(), d.getDescription(), hidden, buyer.companyId(), buyer.siret().substring(0, 9),
                hidden ? null : buyer.name(), hidden ? null : buyer.siret(), d.getProduct(), d.getRequiredProcesses(),
                d.getPreferredProcesses(), d.getTargetNafCodes(), d.getRequiredCertifications(), d.getAnnualVolume(),
                d.getTargetUnitPriceEur(), d.getSector(), d.getStartDate(), d.getValidUntil(), location.mode(), location.site(),
                location.maxDistanceKm(), location.regions(), d.getAdviserEmail(),
                d.getDisclosures().stream().map(x -> new DisclosedBuyer(x.matchId(), x.companyId(), buyer.name(),
                        buyer.siret())).toList(), d.getOwnerRegion(), d.getOpenedAt(), d.getSubmittedBy());
    }

    /** The same (demand, version) always gets the same event id, however often it is relayed. */
    static UUID eventId(String demandId, long version) {
        return EventIds.ofVersion("demand", demandId, version);
    }
}
