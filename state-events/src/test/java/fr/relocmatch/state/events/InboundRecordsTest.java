package fr.relocmatch.state.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a consumer can and cannot read off a topic: newer and older producers' bodies are read;
 * a body no attempt can process is refused as unreadable (dead-lettered at once), naming why.
 */
class InboundRecordsTest {

    record Profile(String companyId, long version, String name) {
    }

    private final InboundRecords records = new InboundRecords(JsonMapper.builder().build());

    @Test
    void readsABodyWithFieldsItDoesNotKnowAndWithoutOptionalOnes() {
        Profile profile = records.read(body("{\"companyId\":\"c-1\",\"version\":3,\"fromTheFuture\":[1]}"), Profile.class,
                "companyId", "version");

        assertThat(profile).isEqualTo(new Profile("c-1", 3, null));
    }

    @Test
    void refusesWhatNoAttemptCanProcessSayingWhy() {
        assertThatThrownBy(() -> records.read(body("{\"companyId\": oops"), Profile.class, "companyId", "version"))
                .isInstanceOf(UnreadableRecordException.class).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> records.read(body("[1, 2, 3]"), Profile.class, "companyId", "version"))
                .isInstanceOf(UnreadableRecordException.class).hasMessage("not a JSON object but ARRAY");
        assertThatThrownBy(() -> records.read(body("{\"companyId\":null}"), Profile.class, "companyId", "version"))
                .isInstanceOf(UnreadableRecordException.class).hasMessage("missing companyId, version");
        assertThatThrownBy(() -> records.read(body("{\"companyId\":\"c-1\",\"version\":\"not a number\"}"), Profile.class,
                "companyId", "version"))
                .isInstanceOf(UnreadableRecordException.class).hasMessageContaining("version");
    }

    private static Message<byte[]> body(String json) {
        return MessageBuilder.withPayload(json.getBytes(StandardCharsets.UTF_8)).build();
    }
}
