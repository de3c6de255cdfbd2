package fr.relocmatch.state.events;

import fr.relocmatch.contracts.events.EventTypes;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.integration.support.MessageBuilder;
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

    @Test
    void putsAListInFlightBeforeWaitingAndAnswersForEachEvent() {
        StreamBridge bridge = mock(StreamBridge.class);
        CloudEventPublisher publisher = new CloudEventPublisher(bridge, "/relocmatch/matching-service", Duration.ofSeconds(5));
        List<CompletableFuture<Object>> futures = new ArrayList<>();
        when(bridge.send(eq("matches-out-0"), any(Message.class))).thenAnswer(call -> {
            Message<?> message = call.getArgument(1);
            String subject = String.valueOf(message.getHeaders().get("ce_subject"));
            if (subject.equals("unseen")) {
                return true; // no future handed back: the binding lacks the futures channel
            }
            if (subject.equals("refused")) {
                throw new IllegalStateException("RecordTooLargeException: 2 MB");
            }
            CompletableFuture<Object> future = new CompletableFuture<>();
            futures.add(future);
            // as KafkaProducerMessageHandler does with its futures channel
            publisher.sendResults().send(MessageBuilder.withPayload(future)
                    .setHeader(KafkaIntegrationHeaders.FUTURE_TOKEN, message.getHeaders().get(KafkaIntegrationHeaders.FUTURE_TOKEN))
                    .build());
            if (subject.equals("last")) {
                // the broker answers only now that every record is in flight: one waiting for each would never get here
                futures.get(0).complete("acknowledged");
                futures.get(1).completeExceptionally(new RuntimeException(new org.apache.kafka.common.errors.TimeoutException("no leader")));
                futures.get(2).complete("acknowledged");
            }
            return true;
        });

        List<Optional<String>> results = publisher.sendAll("matches-out-0",
                List.of(event("first"), event("lost"), event("unseen"), event("refused"), event("last")));

        assertThat(results).containsExactly(Optional.empty(), Optional.of("TimeoutException: no leader"),
                Optional.of("IllegalStateException: no send result from binding matches-out-0"),
                Optional.of("IllegalStateException: RecordTooLargeException: 2 MB"), Optional.empty());
    }

    private static StateEvent event(String subject) {
        return new StateEvent("e-" + subject, EventTypes.MATCH_PROPOSED, "d-1", subject, Instant.EPOCH, Map.of("id", subject));
    }
}
