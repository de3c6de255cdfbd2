package fr.relocmatch.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import fr.relocmatch.matching.MatchingServiceApplication;
import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TopicWriter;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A matching-service instance started after profiles were published rebuilds its index from the
 * compacted companies topic, reports ready only then, and matches a new demand against them.
 */
class RebuildIT {

    @Test
    void aNewInstanceRebuildsItsIndexFromTheCompactedTopicsBeforeItIsReady() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String company = UUID.randomUUID().toString();
        String demand = UUID.randomUUID().toString();
        try (TopicWriter writer = TopicWriter.onSharedBroker()) {
            MatchingEvents events = new MatchingEvents(writer);
            events.company(company, 0, "Verrerie d'avant", List.of("GLASS_FORMING"), 49.44, 1.10, "");

            String run = UUID.randomUUID().toString().substring(0, 8);
            try (ConfigurableApplicationContext instance = new SpringApplicationBuilder(MatchingServiceApplication.class)
                    .run("--server.port=0",
                            "--spring.cloud.stream.kafka.binder.brokers=" + infrastructure.kafkaBootstrapServers(),
                            "--spring.mongodb.uri=" + infrastructure.mongoUri(),
                            // A fresh instance: its own consumer group and its own matches.
                            "--spring.cloud.stream.bindings.companies-in-0.group=rebuild-" + run,
                            "--spring.cloud.stream.bindings.demands-in-0.group=rebuild-" + run,
                            "--spring.mongodb.database=relocmatch-matching-rebuild-" + run,
                            "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + infrastructure.issuer().uri(),
                            "--spring.autoconfigure.exclude=" + infrastructure.issuer().springProperties()
                                    .get("spring.autoconfigure.exclude"))) {
                int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
                JsonApi api = SharedInfrastructure.get().api(port);

                await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/actuator/health/readiness").status() == 200);

                events.demand(demand, 0, "OPEN", List.of("GLASS_FORMING"), 30);
                List<String> found = await().atMost(Duration.ofSeconds(30)).until(
                        () -> api.get("/api/v1/matches?demandId=" + demand).json().valueStream()
                                .map(n -> n.get("companyId").asString()).toList(),
                        list -> !list.isEmpty());
                assertThat(found).containsExactly(company);
            }
        }
    }
}
