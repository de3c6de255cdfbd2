package fr.relocmatch.matching.match;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Only the companies and demands topics are read again from their beginning on assignment and
 * awaited before the instance is ready: a partners' inbox with records waiting (a restart after
 * partners wrote) is read on from where the group left it, and holds nothing up.
 */
class PartitionOwnershipTest {

    private static final TopicPartition INBOX = new TopicPartition("relocmatch.partner.match-outcomes.v1", 0);

    private final MatchingEngine engine = mock(MatchingEngine.class);
    private final CatchUpHealth catchUp = new CatchUpHealth("companies", "demands");
    private final PartitionOwnership ownership = new PartitionOwnership(engine, catchUp, "demands", "companies");

    @Test
    @SuppressWarnings("unchecked")
    void aPartnersInboxIsNeitherReadAgainNorAwaited() {
        Consumer<byte[], byte[]> consumer = mock(Consumer.class);
        when(consumer.endOffsets(any())).thenReturn(Map.of());
        when(consumer.beginningOffsets(any())).thenReturn(Map.of());
        when(consumer.endOffsets(argThat(partitions -> partitions.contains(INBOX)))).thenReturn(Map.of(INBOX, 1000L));

        ownership.onPartitionsAssigned("partnerMatchOutcomes-in-0", consumer, List.of(INBOX), true);
        ownership.onPartitionsAssigned("companies-in-0", consumer, List.of(), true);
        ownership.onPartitionsAssigned("demands-in-0", consumer, List.of(), true);

        verify(consumer, never()).seekToBeginning(argThat(partitions -> partitions.contains(INBOX)));
        verify(engine).goLive();
    }
}
