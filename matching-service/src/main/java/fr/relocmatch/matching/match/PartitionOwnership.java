package fr.relocmatch.matching.match;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * What each matching-service instance reads, as the consumer groups assign it. The companies
 * topic is read whole by every instance (a consumer group of its own: profiles form a global
 * table). The demands topic is shared out by partition among the instances of the région's group:
 * on assignment a partition is read again from its beginning — the instance must know every demand
 * it now owns — and its demands are ranked only once it is read up to where it ended (against the
 * matches already stored, so a hand-over proposes nothing twice); on revocation its demands are
 * forgotten, and a changed profile re-ranks only the demands this instance owns. The other bindings
 * (the partners' inbox) are none of its business: read on from their committed offsets, not awaited.
 */
@Component
class PartitionOwnership implements KafkaBindingRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(PartitionOwnership.class);

    private final MatchingEngine engine;
    private final CatchUpHealth catchUp;
    private final String demandsTopic;
    private final String companiesTopic;

    PartitionOwnership(MatchingEngine engine, CatchUpHealth catchUp,
            @Value("${spring.cloud.stream.bindings.demands-in-0.destination}") String demandsTopic,
            @Value("${spring.cloud.stream.bindings.companies-in-0.destination}") String companiesTopic) {
        this.engine = engine;
        this.catchUp = catchUp;
        this.demandsTopic = demandsTopic;
        this.companiesTopic = companiesTopic;
    }

    @Override
    public void onPartitionsAssigned(String bindingName, Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
            boolean initial) {
        String topic = topic(bindingName, partitions);
        if (!demandsTopic.equals(topic) && !companiesTopic.equals(topic)) {
            return;
        }
        if (topic.equals(demandsTopic)) {
            engine.demandPartitionsAssigned(partitions.stream().map(TopicPartition::partition).toList());
        }
        Set<TopicPartition> empty = catchUp.assigned(topic, consumer, partitions);
        log.info("{} partitions assigned to this instance: {} (read again from their beginning)", topic,
                partitions.stream().map(TopicPartition::partition).sorted().toList());
        if (topic.equals(demandsTopic)) {
            empty.forEach(p -> engine.demandPartitionCaughtUp(p.partition()));
        }
        if (catchUp.completedNow()) {
            engine.goLive();
        }
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(String bindingName, Consumer<?, ?> consumer,
            Collection<TopicPartition> partitions) {
        catchUp.revoked(partitions.stream()
                .filter(p -> p.topic().equals(demandsTopic) || p.topic().equals(companiesTopic)).toList());
        List<Integer> demands = partitions.stream().filter(p -> p.topic().equals(demandsTopic))
                .map(TopicPartition::partition).toList();
        if (!demands.isEmpty()) {
            log.info("{} partitions revoked from this instance: {}", demandsTopic, demands);
            engine.demandPartitionsRevoked(demands);
        }
    }

    private String topic(String bindingName, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            return partitions.iterator().next().topic();
        }
        // an empty assignment (more instances than partitions) still counts as one
        return bindingName.startsWith("demands") ? demandsTopic
                : bindingName.startsWith("companies") ? companiesTopic : null;
    }
}
