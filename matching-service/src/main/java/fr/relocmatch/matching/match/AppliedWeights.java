package fr.relocmatch.matching.match;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which version of its score weights a région ranks with: one document per région, read by each
 * of its instances. Absent: version 0, the configuration's.
 *
 * @param revision optimistic lock: two admins applying at once, one of them is told (409)
 */
@Document("applied_weights")
record AppliedWeights(@Id String region, int version, String appliedBy, Instant appliedAt, @Version Long revision) {
}
