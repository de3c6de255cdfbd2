package fr.relocmatch.demand.request;

import java.time.Instant;
import java.util.List;

/** A demand as the REST API shows it. */
record DemandView(String id, long version, String title, String description, String buyerName, String buyerSiret,
        List<String> requiredProcesses, DemandSite site, int maxDistanceKm, String adviserEmail, DemandStatus status,
        Instant createdAt, Instant updatedAt) {

    static DemandView of(DemandDocument demand) {
        return new DemandView(demand.getId(), demand.getVersion(), demand.getTitle(), demand.getDescription(),
                demand.getBuyerName(), demand.getBuyerSiret(), demand.getRequiredProcesses(), demand.getSite(),
                demand.getMaxDistanceKm(), demand.getAdviserEmail(), demand.getStatus(), demand.getCreatedAt(),
                demand.getUpdatedAt());
    }
}
