package fr.relocmatch.matching.match;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;

/**
 * How far the in-memory state has read the partitions this instance was assigned, against where
 * each partition ended when it was assigned. The companies topic is read whole by every instance;
 * the demands topic is shared out by partition among the instances of the consumer group, and a
 * partition handed over by a rebalance is read again from its beginning. Until every assigned
 * partition of both topics is read up to that end — and both topics have had an assignment —
 * matches would be built on a partial view: the instance is not ready, and a newly assigned
 * demands partition's demands are not ranked.
 */
final class CatchUp {

    private final Set<String> topics;
    private final Set<String> assigned = ConcurrentHashMap.newKeySet();
    private final Map<TopicPartition, Long> targets = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> next = new ConcurrentHashMap<>();

    /** @param topics the topics whose first assignment readiness waits for */
    CatchUp(Collection<String> topics) {
        this.topics = Set.copyOf(topics);
    }

    /**
     * Partitions assigned (their reading starts again from the beginning), with the offset each
     * ended at; answers those with nothing to read (already caught up).
     */
    Set<TopicPartition> assigned(String topic, Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> beginnings) {
        Set<TopicPartition> done = new HashSet<>();
        endOffsets.forEach((partition, end) -> {
            next.remove(partition);
            long start = beginnings.getOrDefault(partition, 0L);
            targets.put(partition, end);
            if (end <= start) {
                next.put(partition, end); // emptied (or never written): nothing to wait for
                done.add(partition);
            }
        });
        assigned.add(topic);
        return done;
    }

    /** Partitions taken away by a rebalance: no longer waited for. */
    void revoked(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> {
            targets.remove(p);
            next.remove(p);
        });
    }

    /**
     * Records that the record at this offset was handled (or given up on, to the dead-letter
     * topic); answers whether it completed its partition's catch-up.
     */
    boolean handled(String topic, int partition, long offset) {
        TopicPartition tp = new TopicPartition(topic, partition);
        Long target = targets.get(tp);
        long before = next.getOrDefault(tp, 0L);
        long after = next.merge(tp, offset + 1, Math::max);
        return target != null && before < target && after >= target;
    }

    boolean caughtUp(TopicPartition partition) {
        Long target = targets.get(partition);
        return target == null || next.getOrDefault(partition, 0L) >= target;
    }

    boolean caughtUp() {
        return assigned.containsAll(topics) && targets.keySet().stream().allMatch(this::caughtUp);
    }

    /** Partitions still behind, with how many records remain at most. */
    Map<String, Long> behind() {
        Map<String, Long> behind = new TreeMap<>();
        targets.forEach((partition, target) -> {
            long lag = target - next.getOrDefault(partition, 0L);
            if (lag > 0) {
                behind.put(partition.toString(), lag);
            }
        });
        topics.stream().filter(t -> !assigned.contains(t)).forEach(t -> behind.put(t, -1L));
        return behind;
    }
}
