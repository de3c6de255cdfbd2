package fr.relocmatch.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void theSameChangeHasTheSameIdAndIdsStayWhatTheyWereBeforeTheyWereWrittenOnce() {
        // ids already on the topics and in the databases were made this way: they must not change
        assertThat(EventIds.ofVersion("company", "c1", 3))
                .isEqualTo(UUID.nameUUIDFromBytes("company/c1@3".getBytes(StandardCharsets.UTF_8)));
        assertThat(EventIds.of("outcome", "/partners/p", "m-1"))
                .isEqualTo(UUID.nameUUIDFromBytes("outcome//partners/p/m-1".getBytes(StandardCharsets.UTF_8)));
        assertThat(EventIds.of("d1", "c1")).isEqualTo(EventIds.of("d1", "c1")).isNotEqualTo(EventIds.of("c1", "d1"));
    }
}
