package fr.relocmatch.state.events;

import fr.relocmatch.contracts.events.EventTypes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

class CloudEventPublisherTest {

    @Test
    void buildsABinaryModeCloudEventKeyedByTheAggregateId() {
        CloudEventPublisher publisher = new CloudEventPublisher(null, "/relocmatch/company-service");
        StateEvent event = new StateEvent("e-1", EventTypes.COMPANY_PROFILE_UPDATED, "c-42", "company/c-42@3",
                Instant.parse("2026-11-23T10:15:30Z"), Map.of("companyId", "c-42"));

        Message<Object> message = publisher.toMessage(event);

        assertThat(message.getHeaders())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", "e-1")
                .containsEntry("ce_type", "fr.relocmatch.company.CompanyProfileUpdated.v1")
                .containsEntry("ce_subject", "company/c-42@3")
                .containsEntry("content-type", "application/json");
        assertThat(message.getHeaders().get("ce_source").toString()).isEqualTo("/relocmatch/company-service");
        assertThat(message.getHeaders().get("ce_time").toString()).startsWith("2026-11-23T10:15:30");
        assertThat((byte[]) message.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("c-42".getBytes(StandardCharsets.UTF_8));
        assertThat(message.getPayload()).isEqualTo(Map.of("companyId", "c-42"));
    }
}
