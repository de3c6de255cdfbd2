package fr.relocmatch.launcher;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What the broker says of its consumer groups: for every group with members, the records of
 * each of its partitions not consumed yet. A partition that keeps a lag while nothing is written
 * is stalled.
 */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    /** @param client the broker's address and, where it authenticates, the administrator's login */
    ConsumerLag(Map<String, Object> client) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin = Admin.create(properties);
    }

    /**
     * Lag of each partition of each group that has members now ("group topic-partition" → records
     * behind), and the end offset of every topic-partition ("topic-partition" → end).
     */
    Snapshot snapshot() {
        try {
            Collection<ConsumerGroupListing> listed = admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS);
            List<String> ids = listed.stream().map(ConsumerGroupListing::groupId).toList();
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(ids).all().get(10,
                    TimeUnit.SECONDS);
            Map<String, Long> lags = new TreeMap<>();
            Map<TopicPartition, Long> ends = new HashMap<>();
            for (ConsumerGroupDescription group : described.values()) {
                if (group.members().isEmpty()) {
                    continue; // a dead instance's group, or one between rebalances
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                List<TopicPartition> assigned = group.members().stream()
                        .flatMap(member -> member.assignment().topicPartitions().stream()).toList();
                for (TopicPartition partition : assigned) {
                    long end = ends.computeIfAbsent(partition, this::endOffset);
                    OffsetAndMetadata offset = committed.get(partition);
                    long behind = end - (offset == null ? 0 : offset.offset());
                    lags.put(group.groupId() + " " + partition, behind);
                }
            }
            return new Snapshot(lags, ends.entrySet().stream()
                    .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue, (a, b) -> a, TreeMap::new)));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not describe its consumer groups", e);
        }
    }

    private long endOffset(TopicPartition partition) {
        try {
            ListOffsetsResult result = admin.listOffsets(Map.of(partition, OffsetSpec.latest()));
            return result.partitionResult(partition).get(10, TimeUnit.SECONDS).offset();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("No end offset for " + partition, e);
        }
    }

    /** Lags of the groups with members, and the end offsets they were measured against. */
    record Snapshot(Map<String, Long> lags, Map<String, Long> ends) {

        boolean caughtUp() {
            return lags.values().stream().allMatch(lag -> lag == 0);
        }

        Map<String, Long> behind() {
            return lags.entrySet().stream().filter(e -> e.getValue() > 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
