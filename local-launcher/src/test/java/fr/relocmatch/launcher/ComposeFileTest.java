package fr.relocmatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs the compose file in CI, so this reads it and checks it against what the
 * services expect: images built from their module, ports from their application.yml, every
 * environment variable bound to a property they declare, healthchecks and start order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeFileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    static List<String> applicationServices() {
        return Services.NAMES;
    }

    @Test
    void runsTheInfrastructureAndTheFourServices() {
        assertThat(services).containsOnlyKeys("kafka", "mongo", "mailpit", "company-service", "demand-service",
                "matching-service", "matching-service-2", "notification-service");
        services.forEach((name, service) -> assertThat(service).as(name + " healthcheck").containsKey("healthcheck"));
        assertThat(string(services.get("kafka"), "image")).startsWith("apache/kafka:");
        assertThat(string(services.get("mongo"), "image")).startsWith("mongo:");
        assertThat(string(services.get("mailpit"), "image")).startsWith("axllent/mailpit:");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void buildsEachServiceFromItsOwnModuleJar(String name) throws IOException {
        Map<String, Object> build = map(services.get(name), "build");
        assertThat(map(build, "args")).containsEntry("SERVICE", name);
        assertThat(ROOT.resolve(name).resolve("pom.xml")).exists();
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY ${SERVICE}/target/${SERVICE}-*-exec.jar");
        assertThat(Files.readString(ROOT.resolve("pom.xml"))).contains("<classifier>exec</classifier>");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void publishesAndProbesThePortTheServiceListensOn(String name) throws IOException {
        int port = ((Number) flatten(applicationYml(name)).get("server.port")).intValue();
        assertThat(port).isEqualTo(Services.DEFAULT_PORTS.get(name));
        assertThat(list(services.get(name), "ports")).contains(port + ":" + port);
        assertThat(String.join(" ", list(map(services.get(name), "healthcheck"), "test")))
                .contains("http://localhost:" + port + "/actuator/health/readiness");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void bindsEveryEnvironmentVariableToAPropertyTheServiceDeclares(String name) throws IOException {
        Map<String, Object> declared = flatten(applicationYml(name));
        Map<String, Object> environment = map(services.get(name), "environment");
        assertThat(environment).isNotEmpty();
        for (String variable : environment.keySet()) {
            assertThat(declared.keySet().stream().map(ComposeFileTest::relaxed))
                    .as("%s: %s binds to no property of its application.yml", name, variable)
                    .contains(relaxed(variable));
        }
        assertThat(string(environment, "SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS")).isEqualTo("kafka:9092");
        assertThat(string(services.get("kafka"), "environment", "KAFKA_ADVERTISED_LISTENERS")).contains("kafka:9092");
        assertThat(string(environment, "SPRING_MONGODB_URI")).isEqualTo("mongodb://mongo:27017");
    }

    @ParameterizedTest
    @MethodSource("applicationServices")
    void startsOnlyOnceKafkaAndMongoAreHealthy(String name) {
        Map<String, Object> dependsOn = map(services.get(name), "depends_on");
        for (String infrastructure : List.of("kafka", "mongo")) {
            assertThat(map(dependsOn, infrastructure)).as(name + " -> " + infrastructure)
                    .containsEntry("condition", "service_healthy");
        }
    }

    @Test
    void runsTwoMatchingInstancesOfOneRegionOnOneDatabase() {
        Map<String, Object> first = services.get("matching-service");
        Map<String, Object> second = services.get("matching-service-2");
        assertThat(map(second, "build")).isEqualTo(map(first, "build"));
        assertThat(map(second, "environment")).isEqualTo(map(first, "environment")).containsKey("RELOCMATCH_REGION");
        assertThat(map(second, "healthcheck")).isEqualTo(map(first, "healthcheck"));
        assertThat(list(second, "ports")).containsExactly("8085:8083").doesNotContainAnyElementsOf(list(first, "ports"));
    }

    @Test
    void kafkaAndMongoWriteTheirDataIntoTheirVolumes() {
        // apache/kafka configured by environment writes to /tmp/kafka-logs unless KAFKA_LOG_DIRS says otherwise
        Map<String, Object> kafka = services.get("kafka");
        String logDirs = string(kafka, "environment", "KAFKA_LOG_DIRS");
        assertThat(list(kafka, "volumes")).as("a named volume mounted where the broker writes")
                .anySatisfy(volume -> assertThat(logDirs).startsWith(volume.toString().substring(volume.toString().indexOf(':') + 1)));
        assertThat(list(services.get("mongo"), "volumes")).anySatisfy(volume -> assertThat(volume.toString()).endsWith(":/data/db"));
    }

    @Test
    void notificationServiceSendsToTheMailCatcher() {
        Map<String, Object> notification = services.get("notification-service");
        assertThat(map(map(notification, "depends_on"), "mailpit")).containsEntry("condition", "service_healthy");
        Map<String, Object> environment = map(notification, "environment");
        assertThat(string(environment, "SPRING_MAIL_HOST")).isEqualTo("mailpit");
        assertThat(list(services.get("mailpit"), "ports")).contains(environment.get("SPRING_MAIL_PORT") + ":"
                + environment.get("SPRING_MAIL_PORT"));
    }

    private static Map<String, Object> applicationYml(String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(name).resolve("src/main/resources/application.yml"))) {
            return new Yaml().load(reader);
        }
    }

    /** Relaxed binding, as Spring Boot applies it: SPRING_MAIL_HOST binds to spring.mail.host. */
    private static String relaxed(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flatten(Map<String, Object> tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        tree.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child) {
                flatten((Map<String, Object>) child).forEach((k, v) -> flat.put(key + "." + k, v));
            }
            else {
                flat.put(key, value);
            }
        });
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return ((List<Object>) parent.get(key)).stream().map(String::valueOf).toList();
    }

    private static String string(Map<String, Object> parent, String... path) {
        Map<String, Object> current = parent;
        for (int i = 0; i < path.length - 1; i++) {
            current = map(current, path[i]);
        }
        assertThat(current).containsKey(path[path.length - 1]);
        return String.valueOf(current.get(path[path.length - 1]));
    }
}
