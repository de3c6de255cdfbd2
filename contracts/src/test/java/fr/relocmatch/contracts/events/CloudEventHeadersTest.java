package fr.relocmatch.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;

class CloudEventHeadersTest {

    @Test
    void readsAttributesUnderEitherPrefixAsTextOrBytes() {
        var renamed = MessageBuilder.withPayload("{}")
                .setHeader("ce-type", "t1".getBytes(StandardCharsets.UTF_8)).build();
        var kafka = MessageBuilder.withPayload("{}").setHeader("ce_type", "t2").build();

        assertThat(CloudEventHeaders.read(renamed, "type")).isEqualTo("t1");
        assertThat(CloudEventHeaders.read(kafka, "type")).isEqualTo("t2");
        assertThat(CloudEventHeaders.read(kafka, "subject")).isNull();
    }
}
