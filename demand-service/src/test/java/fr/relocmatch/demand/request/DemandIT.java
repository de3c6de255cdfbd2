package fr.relocmatch.demand.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.TopicProbe;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithSharedInfrastructure
class DemandIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    DemandRepository repository;

    @Test
    void createsOpenDemandAndPublishesVersionedSnapshotAsCloudEvent() {
        JsonApi.Response created = JsonApi.onLocalPort(port).post("/api/v1/demands", DemandFixtures.bathLinenNearRouen());

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(created.json().at("/site/communeName").asString()).isEqualTo("Rouen");

        try (TopicProbe demands = TopicProbe.on("relocmatch.demands.v1")) {
            ConsumerRecord<String, String> record = demands.await(r -> id.equals(r.key()), TIMEOUT);
            assertThat(TopicProbe.headers(record))
                    .containsEntry("ce_type", "fr.relocmatch.demand.DemandUpdated.v1")
                    .containsEntry("ce_source", "/relocmatch/demand-service")
                    .containsEntry("ce_subject", "demand/" + id + "@0");
            JsonNode event = JsonApi.parse(record.value());
            assertThat(event.get("requiredProcesses").valueStream().map(JsonNode::asString))
                    .containsExactly("WEAVING", "HOME_TEXTILES");
            assertThat(event.get("maxDistanceKm").asInt()).isEqualTo(80);
            assertThat(event.at("/site/latitude").asDouble()).isEqualTo(49.4435);
        }
        await().atMost(TIMEOUT).until(() -> repository.findById(id).orElseThrow().getPublishedVersion() == 0);
    }

    @Test
    void rejectsInvalidDemandNamingEveryOffendingFieldAndPersistsNothing() {
        Map<String, Object> request = DemandFixtures.bathLinenNearRouen();
        request.put("requiredProcesses", List.of("WEAVING", "ALCHEMY"));
        request.put("site", Map.of("postalCode", "00000"));
        request.put("maxDistanceKm", -5);
        request.remove("title");
        long before = repository.count();

        JsonApi.Response answer = JsonApi.onLocalPort(port).post("/api/v1/demands", request);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains("title", "maxDistanceKm");
        assertThat(repository.count()).isEqualTo(before);

        request.put("title", "Linge de bain");
        request.put("maxDistanceKm", 80);
        JsonApi.Response domain = JsonApi.onLocalPort(port).post("/api/v1/demands", request);
        assertThat(domain.status()).isEqualTo(400);
        assertThat(domain.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("requiredProcesses[1]", "site");
        assertThat(repository.count()).isEqualTo(before);
    }
}
