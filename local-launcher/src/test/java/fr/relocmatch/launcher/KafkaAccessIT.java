package fr.relocmatch.launcher;

import org.apache.kafka.common.TopicPartition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker as {@code ./run-local.sh} starts it — SASL SCRAM-SHA-512, the standard
 * authorizer, the ACLs of {@code kafka/access.txt} — refuses what the table does not allow: a
 * partner reads neither the matches nor anything but the outcomes, writes nothing but the inboxes;
 * a service writes only its own topics; a client without the right password is not let in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaAccessIT {

    private static final Path TABLE = Path.of("").toAbsolutePath().getParent().resolve("kafka/access.txt");
    private static final List<String> TOPICS = List.of("relocmatch.companies.v1", "relocmatch.matches.v1",
            "relocmatch.partner.companies.v1", "relocmatch.partner.outcomes.v1");

    @TempDir
    static Path data;

    private LocalKafka kafka;
    private int port;
    private int controllerPort;

    @BeforeAll
    void broker() throws Exception {
        port = RunningServices.freePort();
        controllerPort = RunningServices.freePort();
        kafka = LocalKafka.start(data.resolve("kafka"), port, controllerPort, KafkaAccess.read(TABLE));
        try (Admin admin = Admin.create(kafka.clients().properties(KafkaAccess.ADMIN))) {
            admin.createTopics(TOPICS.stream().map(topic -> new NewTopic(topic, 1, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> admin = producer(kafka.clients().properties(KafkaAccess.ADMIN))) {
            admin.send(new ProducerRecord<>("relocmatch.matches.v1", "demand", "{\"contact\":\"someone\"}")).get();
        }
    }

    @AfterAll
    void stop() {
        kafka.close();
    }

    @Test
    void aPartnerWritesTheInboxesAndReadsTheOutcomesOnly() throws Exception {
        Map<String, Object> partner = kafka.clients().properties("partner-demo");
        try (KafkaProducer<String, String> producer = producer(partner)) {
            producer.send(new ProducerRecord<>("relocmatch.partner.companies.v1", "82047193600014", "{}")).get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("relocmatch.companies.v1", "id", "{}")).get(30,
                    TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause().isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer(partner, "partner-demo-outcomes")) {
            consumer.subscribe(List.of("relocmatch.partner.outcomes.v1"));
            consumer.poll(Duration.ofSeconds(2)); // no refusal: allowed
        }
        try (KafkaConsumer<String, String> consumer = consumer(partner, "partner-demo-matches")) {
            consumer.subscribe(List.of("relocmatch.matches.v1"));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer(partner, null)) {
            consumer.assign(List.of(new TopicPartition("relocmatch.matches.v1", 0)));
            consumer.seekToBeginning(consumer.assignment());
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> consumer = consumer(partner, "company-service-28")) {
            consumer.subscribe(List.of("relocmatch.partner.outcomes.v1"));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aServiceWritesItsOwnTopicsOnly() throws Exception {
        try (KafkaProducer<String, String> company = producer(kafka.clients().properties("company-service"));
                KafkaProducer<String, String> notification = producer(kafka.clients().properties("notification-service"))) {
            company.send(new ProducerRecord<>("relocmatch.companies.v1", "id", "{}")).get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> notification.send(new ProducerRecord<>("relocmatch.matches.v1", "id", "{}")).get(30,
                    TimeUnit.SECONDS)).cause().isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aClientWithoutTheRightPasswordIsNotLetIn() {
        Map<String, Object> wrong = kafka.clients().properties("partner-demo");
        wrong.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"partner-demo\" password=\"guess\";");
        try (KafkaProducer<String, String> producer = producer(wrong)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("relocmatch.partner.companies.v1", "k", "{}"))
                    .get(30, TimeUnit.SECONDS)).cause().isInstanceOf(SaslAuthenticationException.class);
        }
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put("bootstrap.servers", kafka.bootstrapServers());
        anonymous.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        try (KafkaProducer<String, String> producer = producer(anonymous)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("relocmatch.partner.companies.v1", "k", "{}"))
                    .get(30, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void theTableIsTheTruthAtEveryStartAndThePasswordsStay() throws IOException {
        Properties before = load(data.resolve("kafka-credentials.properties"));
        assertThat(before.stringPropertyNames()).contains("admin", "company-service", "partner-demo", "partner-other");
        assertThat(Files.readString(data.resolve("kafka-clients/partner-demo.conf")))
                .contains("sasl.username=partner-demo", "sasl.password=" + before.getProperty("partner-demo"));

        // the same folder started again with partner-demo's read of the outcomes taken away
        Path table = data.resolve("access.txt");
        Files.write(table, Files.readAllLines(TABLE).stream()
                .filter(line -> !(line.startsWith("partner-demo ") && line.contains("relocmatch.partner.outcomes.v1"))).toList());
        kafka.close();
        kafka = LocalKafka.start(data.resolve("kafka"), port, controllerPort, KafkaAccess.read(table));
        try {
            assertThat(load(data.resolve("kafka-credentials.properties"))).isEqualTo(before);
            try (KafkaConsumer<String, String> consumer = consumer(kafka.clients().properties("partner-demo"),
                    "partner-demo-" + UUID.randomUUID())) {
                consumer.subscribe(List.of("relocmatch.partner.outcomes.v1"));
                assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
            }
        }
        finally {
            kafka.close();
            kafka = LocalKafka.start(data.resolve("kafka"), port, controllerPort, KafkaAccess.read(TABLE));
        }
    }

    /**
     * A log folder without its credentials (formatted before the broker authenticated, or the file
     * lost) gets an administrator again through the one-off setup start, and new passwords that work.
     */
    @Test
    void aFolderWithoutCredentialsGetsNewOnes() throws Exception {
        Properties before = load(data.resolve("kafka-credentials.properties"));
        kafka.close();
        Files.delete(data.resolve("kafka-credentials.properties"));
        kafka = LocalKafka.start(data.resolve("kafka"), port, controllerPort, KafkaAccess.read(TABLE));
        Properties after = load(data.resolve("kafka-credentials.properties"));
        assertThat(after.getProperty("admin")).isNotEqualTo(before.getProperty("admin"));
        try (KafkaProducer<String, String> producer = producer(kafka.clients().properties("partner-demo"))) {
            producer.send(new ProducerRecord<>("relocmatch.partner.companies.v1", "82047193600014", "{}")).get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLineTheTableCannotReadIsNamed() throws IOException {
        Path table = data.resolve("bad-access.txt");
        Files.writeString(table, "# ok\npartner-demo topic literal relocmatch.matches.v1 Reed\n");
        assertThatThrownBy(() -> KafkaAccess.read(table)).hasMessageContaining("line 2").hasMessageContaining("Reed");
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> properties = new HashMap<>(client);
        properties.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> client, String group) {
        Map<String, Object> properties = new HashMap<>(client);
        if (group != null) {
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
