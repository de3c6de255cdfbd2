package fr.relocmatch.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CatchUpTest {

    @Test
    void isCaughtUpOnlyOnceEveryPartitionReachedItsEndAtStart() {
        CatchUp catchUp = new CatchUp(Map.of(new TopicPartition("companies", 0), 5L,
                new TopicPartition("companies", 1), 0L, new TopicPartition("demands", 0), 2L));

        assertThat(catchUp.caughtUp()).isFalse();
        catchUp.handled("companies", 0, 3);
        catchUp.handled("demands", 0, 1);
        assertThat(catchUp.caughtUp()).isFalse();
        assertThat(catchUp.behind()).containsExactly(Map.entry("companies-0", 1L));

        catchUp.handled("companies", 0, 4);
        assertThat(catchUp.caughtUp()).isTrue();
        catchUp.handled("companies", 0, 2); // a redelivered older record does not move it back
        assertThat(catchUp.caughtUp()).isTrue();
    }

    @Test
    void emptyTopicsNeedNoCatchingUp() {
        assertThat(new CatchUp(Map.of()).caughtUp()).isTrue();
    }
}
