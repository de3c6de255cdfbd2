package fr.relocmatch.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchUpTest {

    private static final TopicPartition COMPANIES_0 = new TopicPartition("companies", 0);
    private static final TopicPartition COMPANIES_1 = new TopicPartition("companies", 1);
    private static final TopicPartition DEMANDS_0 = new TopicPartition("demands", 0);
    private static final TopicPartition DEMANDS_1 = new TopicPartition("demands", 1);

    private final CatchUp catchUp = new CatchUp(List.of("companies", "demands"));

    @Test
    void isCaughtUpOnlyOnceBothTopicsAreAssignedAndEveryPartitionReadToItsEnd() {
        assertThat(catchUp.caughtUp()).as("nothing assigned yet").isFalse();
        assertThat(catchUp.assigned("companies", Map.of(COMPANIES_0, 5L, COMPANIES_1, 0L), Map.of())).containsExactly(COMPANIES_1);
        assertThat(catchUp.caughtUp()).isFalse();
        catchUp.assigned("demands", Map.of(DEMANDS_0, 2L), Map.of());

        catchUp.handled("companies", 0, 3);
        assertThat(catchUp.handled("demands", 0, 1)).as("completes demands-0").isTrue();
        assertThat(catchUp.caughtUp()).isFalse();
        assertThat(catchUp.behind()).containsExactly(Map.entry("companies-0", 1L));

        catchUp.handled("companies", 0, 4);
        assertThat(catchUp.caughtUp()).isTrue();
        catchUp.handled("companies", 0, 2); // a redelivered older record does not move it back
        assertThat(catchUp.caughtUp()).isTrue();
    }

    @Test
    void aPartitionEmptiedByRetentionHasNothingToWaitFor() {
        assertThat(catchUp.assigned("demands", Map.of(DEMANDS_0, 40L), Map.of(DEMANDS_0, 40L))).containsExactly(DEMANDS_0);
        catchUp.assigned("companies", Map.of(), Map.of());
        assertThat(catchUp.caughtUp()).isTrue();
    }

    @Test
    void aPartitionHandedOverIsReadAgainFromItsBeginningAndARevokedOneNoLongerAwaited() {
        catchUp.assigned("companies", Map.of(), Map.of());
        catchUp.assigned("demands", Map.of(DEMANDS_0, 3L), Map.of());
        catchUp.handled("demands", 0, 2);
        assertThat(catchUp.caughtUp()).isTrue();

        catchUp.assigned("demands", Map.of(DEMANDS_1, 5L), Map.of());
        assertThat(catchUp.caughtUp(DEMANDS_1)).isFalse();
        catchUp.revoked(List.of(DEMANDS_1));
        assertThat(catchUp.caughtUp()).isTrue();

        catchUp.assigned("demands", Map.of(DEMANDS_0, 3L), Map.of()); // handed back: read again
        assertThat(catchUp.caughtUp(DEMANDS_0)).isFalse();
    }
}
