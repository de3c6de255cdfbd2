package fr.relocmatch.demand.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Body of a {@code DemandUpdated} event: the whole demand after a change, keyed by demand id on
 * the compacted demands topic.
 */
record DemandUpdated(UUID eventId, Instant occurredAt, String demandId, long version, String title,
        String description, String buyerName, String buyerSiret, List<String> requiredProcesses, DemandSite site,
        int maxDistanceKm, String adviserEmail, DemandStatus status) {

    static DemandUpdated of(DemandDocument demand) {
        return new DemandUpdated(eventId(demand.getId(), demand.getVersion()), demand.getUpdatedAt(), demand.getId(),
                demand.getVersion(), demand.getTitle(), demand.getDescription(), demand.getBuyerName(),
                demand.getBuyerSiret(), demand.getRequiredProcesses(), demand.getSite(), demand.getMaxDistanceKm(),
                demand.getAdviserEmail(), demand.getStatus());
    }

    /** The same (demand, version) always gets the same event id, however often it is relayed. */
    static UUID eventId(String demandId, long version) {
        return UUID.nameUUIDFromBytes(("demand/" + demandId + "@" + version).getBytes(StandardCharsets.UTF_8));
    }
}
