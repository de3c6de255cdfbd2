package fr.relocmatch.state.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import fr.relocmatch.contracts.events.CloudEventHeaders;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.cloud.stream.binder.kafka.common.BinderHeaderMapper;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.integration.kafka.outbound.KafkaProducerMessageHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.scheduling.annotation.EnableScheduling;

import tools.jackson.databind.json.JsonMapper;

/**
 * Gives every service the same way to keep its state and tell others: the event publisher, the
 * publication relay, the reader of inbound records, the state topics' configuration, the Kafka
 * header mapping, the clock and MongoDB's read timeout.
 */
@AutoConfiguration(afterName = {"org.springframework.cloud.stream.function.FunctionConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableScheduling
@EnableConfigurationProperties(RelayProperties.class)
public class StateEventsAutoConfiguration {

    /** Bean name of the Kafka binder's header mapper (the name it looks up). */
    public static final String HEADER_MAPPER = "kafkaBinderHeaderMapper";

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

    /**
     * Every producer binding hands each record's send future back to the event publisher, which
     * waits for the broker's answer itself: a list of events is then in flight together.
     */
    @Bean
    @ConditionalOnBean(CloudEventPublisher.class)
    // typed as the Kafka binder asks for it: a looser type is not always given to the binder
    ProducerMessageHandlerCustomizer<KafkaProducerMessageHandler<?, ?>> sendResultsToThePublisher(CloudEventPublisher publisher) {
        return (handler, destination) -> handler.setFuturesChannel(publisher.sendResults());
    }

    @Bean
    @ConditionalOnMissingBean
    PublicationRelay publicationRelay(ObjectProvider<Publication<?>> publications) {
        return new PublicationRelay(publications.orderedStream().toList());
    }

    /**
     * Creates the compacted state topics this service reads or writes
     * ({@code relocmatch.kafka.state-topics}) with their real configuration, or corrects it, before
     * any binding starts: see {@link StateTopics}.
     */
    @Bean
    @ConditionalOnProperty("relocmatch.kafka.state-topics")
    KafkaAdmin stateTopicsAdmin(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers, KafkaProperties kafka) {
        // Boot's spring.kafka.properties (the SASL login among them) as the binder's own clients get them
        return StateTopics.admin(brokers, kafka.buildAdminProperties());
    }

    @Bean
    @ConditionalOnProperty("relocmatch.kafka.state-topics")
    KafkaAdmin.NewTopics stateTopics(@Value("${relocmatch.kafka.state-topics}") List<String> names,
            @Value("${spring.cloud.stream.kafka.binder.min-partition-count:3}") int partitions) {
        return StateTopics.topics(names, partitions);
    }

    /**
     * Header mapping of the Kafka binder. Records written by other Kafka clients — a partner's
     * producer, {@code kcat} — carry {@code contentType} and the CloudEvents attributes as plain
     * bytes without Spring's type hints; they are read as UTF-8 text, as Spring-written records
     * already are. (A service with a partner inbox replaces it with one that also writes dead
     * letters as received.)
     */
    @Bean(HEADER_MAPPER)
    @ConditionalOnMissingBean(name = HEADER_MAPPER)
    @ConditionalOnClass(BinderHeaderMapper.class)
    BinderHeaderMapper kafkaBinderHeaderMapper() {
        return readingCloudEventsAsText(new BinderHeaderMapper());
    }

    /** The mapper given, reading the CloudEvents attributes and content type as UTF-8 text. */
    public static <M extends BinderHeaderMapper> M readingCloudEventsAsText(M mapper) {
        for (String header : CloudEventHeaders.TEXT_HEADERS) {
            mapper.addRawMappedHeader(header, true);
        }
        return mapper;
    }

    @Bean
    @ConditionalOnMissingBean
    InboundRecords inboundRecords(JsonMapper json) {
        return new InboundRecords(json);
    }
}
