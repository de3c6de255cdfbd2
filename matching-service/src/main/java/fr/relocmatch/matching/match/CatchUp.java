package fr.relocmatch.matching.match;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

/**
 * Whether the in-memory index has read the compacted topics up to where they ended when the
 * service started. Until then its matches would be built on a partial view, so the service is not
 * ready.
 */
final class CatchUp {

    private final Map<TopicPartition, Long> targets;
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();

    /** @param endOffsets the end offset of every partition at start (the offset of the next record to come) */
    CatchUp(Map<TopicPartition, Long> endOffsets) {
        this.targets = Map.copyOf(endOffsets);
    }

    /** Records that the record at this offset was handled (or given up on, to the dead-letter topic). */
    void handled(String topic, int partition, long offset) {
        next.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }

    boolean caughtUp() {
        return targets.entrySet().stream().allMatch(t -> next.getOrDefault(t.getKey(), 0L) >= t.getValue());
    }

    /** Partitions still behind, with how many records remain at most. */
    Map<String, Long> behind() {
        Map<String, Long> behind = new java.util.TreeMap<>();
        targets.forEach((partition, target) -> {
            long lag = target - next.getOrDefault(partition, 0L);
            if (lag > 0) {
                behind.put(partition.toString(), lag);
            }
        });
        return behind;
    }
}
