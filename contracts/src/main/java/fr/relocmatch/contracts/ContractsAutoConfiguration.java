package fr.relocmatch.contracts;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import fr.relocmatch.contracts.events.CloudEventHeaders;
import fr.relocmatch.contracts.events.CloudEventPublisher;
import fr.relocmatch.contracts.events.InboundRecords;
import fr.relocmatch.contracts.events.PublicationRelay;
import fr.relocmatch.contracts.events.RelayProperties;
import fr.relocmatch.contracts.events.StatePublisher;
import fr.relocmatch.contracts.problem.ProblemDetailsAdvice;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every service the same event publisher, publication relay, clock and problem-details
 * answers.
 */
@AutoConfiguration(afterName = {"org.springframework.cloud.stream.function.FunctionConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableScheduling
@EnableConfigurationProperties(RelayProperties.class)
public class ContractsAutoConfiguration {

    /**
     * A read on a MongoDB connection that gets no answer fails after {@code relocmatch.mongodb.read-timeout}
     * (30 s) instead of holding its thread for ever, the driver's default: a server gone without
     * closing its connections, or a network partition, would otherwise stop a Kafka consumer for
     * good. The failed operation is retried as any other MongoDB error is.
     */
    @Bean
    @ConditionalOnClass(name = "com.mongodb.MongoClientSettings")
    MongoClientSettingsBuilderCustomizer relocmatchMongoReadTimeout(
            @Value("${relocmatch.mongodb.read-timeout:PT30S}") Duration readTimeout) {
        return builder -> builder.applyToSocketSettings(
                socket -> socket.readTimeout((int) readTimeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Tomcat's own refusals (a request line that is not valid HTTP) answered as problem details:
     * see {@link fr.relocmatch.contracts.problem.ProblemErrorReportValve}. Nested, so that the
     * Tomcat types of its signature are looked at only when Tomcat is there.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.valves.ErrorReportValve",
            "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory"})
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class TomcatProblems {

        @Bean
        org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                    host.setErrorReportValveClass(fr.relocmatch.contracts.problem.ProblemErrorReportValve.class.getName());
                }
            });
        }
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamBridge.class)
    CloudEventPublisher cloudEventPublisher(StreamBridge streamBridge,
            @Value("${relocmatch.events.source:/relocmatch/${spring.application.name}}") String source) {
        return new CloudEventPublisher(streamBridge, source);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(StreamBridge.class)
    fr.relocmatch.contracts.partner.PartnerInbox partnerInbox(StreamBridge streamBridge, JsonMapper json, Clock clock,
            @Value("${relocmatch.partner.outcomes-topic:relocmatch.partner.outcomes.v1}") String outcomesTopic,
            @Value("${relocmatch.events.source:/relocmatch/${spring.application.name}}") String source) {
        return new fr.relocmatch.contracts.partner.PartnerInbox(streamBridge, json, outcomesTopic, source, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    PublicationRelay publicationRelay(ObjectProvider<StatePublisher<?>> publishers) {
        return new PublicationRelay(publishers.orderedStream().toList());
    }

    /**
     * Creates the compacted state topics this service reads or writes
     * ({@code relocmatch.kafka.state-topics}) with their real configuration, or corrects it, before
     * any binding starts: see {@link fr.relocmatch.contracts.events.StateTopics}.
     */
    @Bean
    @ConditionalOnProperty("relocmatch.kafka.state-topics")
    org.springframework.kafka.core.KafkaAdmin stateTopicsAdmin(
            @Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers,
            org.springframework.boot.kafka.autoconfigure.KafkaProperties kafka) {
        // Boot's spring.kafka.properties (the SASL login among them) as the binder's own clients get them
        return fr.relocmatch.contracts.events.StateTopics.admin(brokers, kafka.buildAdminProperties());
    }

    @Bean
    @ConditionalOnProperty("relocmatch.kafka.state-topics")
    org.springframework.kafka.core.KafkaAdmin.NewTopics stateTopics(
            @Value("${relocmatch.kafka.state-topics}") java.util.List<String> names,
            @Value("${spring.cloud.stream.kafka.binder.min-partition-count:3}") int partitions) {
        return fr.relocmatch.contracts.events.StateTopics.topics(names, partitions);
    }

    /**
     * Header mapping of the Kafka binder (the bean name it looks up). Records written by other
     * Kafka clients — a partner's producer, {@code kcat} — carry {@code contentType} and the
     * CloudEvents attributes as plain bytes without Spring's type hints; they are read as UTF-8
     * text, as Spring-written records already are.
     */
    @Bean("kafkaBinderHeaderMapper")
    @ConditionalOnMissingBean(name = "kafkaBinderHeaderMapper")
    @ConditionalOnClass(BinderHeaderMapper.class)
    BinderHeaderMapper kafkaBinderHeaderMapper() {
        BinderHeaderMapper mapper = new fr.relocmatch.contracts.partner.DeadLetterHeaderMapper();
        for (String header : CloudEventHeaders.TEXT_HEADERS) {
            mapper.addRawMappedHeader(header, true);
        }
        return mapper;
    }

    /**
     * The partner inboxes' record converter ({@code converter-bean-name} of their bindings): as
     * the binder's own, plus the record as received ({@code kafka_data}), so that a dead letter
     * carries the partner's headers byte for byte.
     */
    @Bean(fr.relocmatch.contracts.partner.PartnerInbox.RECORD_CONVERTER)
    @ConditionalOnClass(BinderHeaderMapper.class)
    org.springframework.kafka.support.converter.MessagingMessageConverter partnerRecordConverter() {
        org.springframework.kafka.support.converter.MessagingMessageConverter converter =
                new org.springframework.kafka.support.converter.MessagingMessageConverter();
        converter.setRawRecordHeader(true);
        return converter;
    }

    @Bean
    @ConditionalOnMissingBean
    InboundRecords inboundRecords(JsonMapper json) {
        return new InboundRecords(json);
    }

    @Bean
    @ConditionalOnWebApplication
    @ConditionalOnMissingBean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    /**
     * The head of the service's OpenAPI document: {@code relocmatch.api.title} (the application
     * name), {@code .description} and {@code .version}, and the problem-details schema.
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.swagger.v3.oas.models.OpenAPI")
    static class ApiDocumentConfiguration {

        @Bean
        @ConditionalOnMissingBean
        io.swagger.v3.oas.models.OpenAPI apiDocument(@Value("${relocmatch.api.title:${spring.application.name}}") String title,
                @Value("${relocmatch.api.description:}") String description,
                @Value("${relocmatch.api.version:unknown}") String version) {
            return fr.relocmatch.contracts.problem.ApiDocument.of(title, description, version);
        }

        @Bean
        org.springdoc.core.customizers.OpenApiCustomizer problemSchema() {
            return fr.relocmatch.contracts.problem.ApiDocument::addProblem;
        }
    }
}
