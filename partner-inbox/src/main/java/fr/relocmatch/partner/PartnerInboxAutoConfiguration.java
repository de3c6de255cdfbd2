package fr.relocmatch.partner;

import java.time.Clock;

import fr.relocmatch.state.events.StateEventsAutoConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.support.converter.MessagingMessageConverter;

import tools.jackson.databind.json.JsonMapper;

/** A partner inbox for the services that take partners' messages (profiles, demands). */
@AutoConfiguration(before = StateEventsAutoConfiguration.class,
        afterName = "org.springframework.cloud.stream.function.FunctionConfiguration")
public class PartnerInboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamBridge.class)
    PartnerInbox partnerInbox(StreamBridge streamBridge, JsonMapper json, Clock clock,
            @Value("${relocmatch.partner.outcomes-topic:relocmatch.partner.outcomes.v1}") String outcomesTopic,
            @Value("${relocmatch.events.source:/relocmatch/${spring.application.name}}") String source) {
        return new PartnerInbox(streamBridge, json, outcomesTopic, source, clock);
    }

    /** The binder's header mapping, writing a dead letter with the partner's headers as received. */
    @Bean(StateEventsAutoConfiguration.HEADER_MAPPER)
    @ConditionalOnMissingBean(name = StateEventsAutoConfiguration.HEADER_MAPPER)
    BinderHeaderMapper kafkaBinderHeaderMapper() {
        return StateEventsAutoConfiguration.readingCloudEventsAsText(new DeadLetterHeaderMapper());
    }

    /**
     * The partner inboxes' record converter ({@code converter-bean-name} of their bindings): as
     * the binder's own, plus the record as received ({@code kafka_data}), so that a dead letter
     * carries the partner's headers byte for byte.
     */
    @Bean(PartnerInbox.RECORD_CONVERTER)
    MessagingMessageConverter partnerRecordConverter() {
        MessagingMessageConverter converter = new MessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }
}
