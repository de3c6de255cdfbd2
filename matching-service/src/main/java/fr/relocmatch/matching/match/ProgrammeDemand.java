package fr.relocmatch.matching.match;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the programme figures need of a demand of this région, kept from its latest event whatever
 * its status (the ranking forgets closed demands; the figures count them): when it was opened, its
 * main process and its annual volume; and the partner that submitted it, if one did (who may record
 * the outcome steps of its accepted matches).
 */
@Document("programme_demands")
record ProgrammeDemand(@Id String id, long version, @Indexed String region, String status, Instant openedAt,
        String mainProcess, Double annualQuantity, String unit, String submittedBy) {

    static ProgrammeDemand of(DemandSnapshot demand, String region) {
        DemandSnapshot.VolumeView volume = demand.annualVolume();
        return new ProgrammeDemand(demand.demandId(), demand.version(), region, demand.status(), demand.openedAt(),
                demand.requiredProcesses() == null || demand.requiredProcesses().isEmpty() ? null
                        : demand.requiredProcesses().getFirst(),
                volume == null ? null : volume.quantity(), volume == null ? null : volume.unit(), demand.submittedBy());
    }
}
