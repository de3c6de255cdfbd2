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
import java.util.Properties;

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
    void runsTheInfrastructureTheFourServicesAndTheConsole() {
        assertThat(services).containsOnlyKeys("kafka", "mongo", "mailpit", "keycloak", "company-service", "demand-service",
                "matching-service", "matching-service-2", "notification-service", "adviser-console", "prometheus", "grafana");
        services.forEach((name, service) -> assertThat(service).as(name + " healthcheck").containsKey("healthcheck"));
        assertThat(string(services.get("kafka"), "image")).startsWith("apache/kafka:");
        assertThat(string(services.get("mongo"), "image")).startsWith("mongo:");
        assertThat(string(services.get("mailpit"), "image")).startsWith("axllent/mailpit:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceWithTheRealmsMonitoringClientAndGrafanaShowsTheDashboard() throws IOException {
        Map<String, Object> prometheus;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("monitoring/prometheus.yml"))) {
            prometheus = new Yaml().load(reader);
        }
        Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).getFirst();
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        Map<String, Object> oauth2 = map(job, "oauth2");
        assertThat(oauth2.get("token_url")).isEqualTo("http://keycloak:8080/realms/relocmatch/protocol/openid-connect/token");
        Map<String, Object> realm;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("keycloak/relocmatch-realm.json"))) {
            realm = new Yaml().load(reader);
        }
        Map<String, Object> client = ((List<Map<String, Object>>) realm.get("clients")).stream()
                .filter(c -> oauth2.get("client_id").equals(c.get("clientId"))).findFirst().orElseThrow();
        assertThat(client.get("secret")).isEqualTo(oauth2.get("client_secret"));
        List<String> targets = ((List<Map<String, Object>>) job.get("static_configs")).stream()
                .flatMap(config -> ((List<String>) config.get("targets")).stream()).toList();
        for (String name : Services.NAMES) {
            String port = ((List<String>) services.get(name).get("ports")).getFirst().split(":")[1];
            assertThat(targets).as(name).contains(name + ":" + port);
        }
        assertThat(targets).contains("matching-service-2:8083");
        // the dashboard's data source is the provisioned one
        String dashboard = Files.readString(ROOT.resolve("monitoring/grafana/dashboards/relocmatch.json"));
        assertThat(Files.readString(ROOT.resolve("monitoring/grafana/provisioning/datasources/prometheus.yml")))
                .contains("uid: relocmatch-prometheus", "url: http://prometheus:9090");
        assertThat(dashboard).contains("\"uid\": \"relocmatch-prometheus\"");
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
        // Boot's own, unset by default: where the keys are fetched when that differs from the issuer's address
        declared.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", null);
        // Boot's client properties of every Kafka client: the login on the broker
        for (String kafka : List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config")) {
            declared.put("spring.kafka.properties." + kafka, null);
        }
        Map<String, Object> environment = map(services.get(name), "environment");
        assertThat(environment).isNotEmpty();
        for (String variable : environment.keySet()) {
            assertThat(declared.keySet().stream().map(ComposeFileTest::relaxed))
                    .as("%s: %s binds to no property of its application.yml", name, variable)
                    .contains(relaxed(variable));
        }
        assertThat(string(environment, "SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS")).isEqualTo("kafka:9092");
        assertThat(Files.readString(ROOT.resolve("kafka/compose-start.sh"))).contains("advertised.listeners=INTERNAL://kafka:9092");
        assertThat(string(environment, "SPRING_MONGODB_URI")).isEqualTo("mongodb://mongo:27017");
    }

    /** Each service logs in as itself, with the password the broker's start script gives that user. */
    @ParameterizedTest
    @MethodSource("applicationServices")
    void logsInToKafkaAsItselfWithThePasswordTheBrokerKnows(String name) throws IOException {
        Properties passwords = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("kafka/compose-credentials.properties"))) {
            passwords.load(reader);
        }
        Map<String, Object> environment = map(services.get(name), "environment");
        String service = name.replaceAll("-\\d+$", "");
        assertThat(string(environment, "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL")).isEqualTo("SASL_PLAINTEXT");
        assertThat(string(environment, "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
        assertThat(string(environment, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + service + "\" password=\""
                        + passwords.getProperty(service) + "\";");
        // every principal of the access table has a password, and the broker mounts both files
        assertThat(passwords.stringPropertyNames()).containsAll(KafkaAccess.read(ROOT.resolve("kafka/access.txt")).principals());
        assertThat(list(services.get("kafka"), "volumes")).contains("./kafka:/relocmatch/kafka:ro");
        assertThat(list(services.get("kafka"), "entrypoint")).contains("/relocmatch/kafka/compose-start.sh");
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

    /**
     * The console: built like the services, on the port of its application.yml, signing people in
     * with the realm's console client (its secret and redirect address), every variable bound to a
     * property it has; the e-mails' links lead to it.
     */
    @Test
    void runsTheConsoleAgainstKeycloakAndTheFourServices() throws IOException {
        Map<String, Object> console = services.get("adviser-console");
        assertThat(map(map(console, "build"), "args")).containsEntry("SERVICE", "adviser-console");
        int port = ((Number) flatten(applicationYml("adviser-console")).get("server.port")).intValue();
        assertThat(port).isEqualTo(Services.CONSOLE_PORT);
        assertThat(list(console, "ports")).containsExactly(port + ":" + port);
        Map<String, Object> environment = map(console, "environment");
        Map<String, Object> declared = flatten(applicationYml("adviser-console"));
        for (String variable : environment.keySet()) {
            boolean bootClientProvider = variable.startsWith("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_RELOCMATCH_");
            assertThat(bootClientProvider || declared.keySet().stream().map(ComposeFileTest::relaxed).anyMatch(relaxed(variable)::equals))
                    .as("adviser-console: %s binds to no property", variable).isTrue();
        }
        for (String service : Services.NAMES) {
            String property = "RELOCMATCH_CONSOLE_SERVICES_" + service.replace("-service", "").toUpperCase();
            assertThat(string(environment, property)).isEqualTo("http://" + service + ":" + Services.DEFAULT_PORTS.get(service));
            assertThat(map(map(console, "depends_on"), service)).containsEntry("condition", "service_healthy");
        }
        Map<String, Object> realm = new Yaml().load(Files.readString(ROOT.resolve("keycloak/relocmatch-realm.json")));
        @SuppressWarnings("unchecked")
        Map<String, Object> client = ((List<Map<String, Object>>) realm.get("clients")).stream()
                .filter(c -> "relocmatch-console".equals(c.get("clientId"))).findFirst().orElseThrow();
        assertThat(client.get("secret")).isEqualTo(environment.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_RELOCMATCH_CLIENT_SECRET"));
        assertThat(String.valueOf(client.get("redirectUris"))).isEqualTo("[http://localhost:" + port + "/login/oauth2/code/relocmatch]");
        assertThat(string(map(services.get("notification-service"), "environment"), "RELOCMATCH_NOTIFICATION_CONSOLE_URL"))
                .isEqualTo("http://localhost:" + port);
    }

    @Test
    void runsTwoMatchingInstancesOfOneRegionOnOneDatabase() {
        Map<String, Object> first = services.get("matching-service");
        Map<String, Object> second = services.get("matching-service-2");
        assertThat(map(second, "build")).isEqualTo(map(first, "build"));
        assertThat(map(second, "environment")).isEqualTo(map(first, "environment")).containsKey("RELOCMATCH_REGION");
        assertThat(map(second, "healthcheck")).isEqualTo(map(first, "healthcheck"));
        assertThat(list(second, "ports")).containsExactly("8086:8083").doesNotContainAnyElementsOf(list(first, "ports"));
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

    @ParameterizedTest
    @MethodSource("applicationServices")
    void everyServiceValidatesTheTokensOfTheKeycloakRealm(String name) throws IOException {
        Map<String, Object> environment = map(services.get(name), "environment");
        Map<String, Object> keycloak = map(services.get("keycloak"), "environment");
        Map<String, Object> realm = realm();
        assertThat(string(environment, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                .isEqualTo(keycloak.get("KC_HOSTNAME") + "/realms/" + realm.get("realm"));
        assertThat(string(environment, "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI"))
                .isEqualTo("http://keycloak:8080/realms/" + realm.get("realm") + "/protocol/openid-connect/certs");
        assertThat(list(services.get("keycloak"), "ports")).contains("8180:8080");
        assertThat(list(services.get("keycloak"), "volumes")).contains("./keycloak:/opt/keycloak/data/import:ro");
    }

    /** The realm compose imports knows the embedded issuer's demo people: same logins, e-mails, roles and régions. */
    @Test
    @SuppressWarnings("unchecked")
    void theKeycloakRealmHasTheEmbeddedIssuersPeopleAndClaims() throws IOException {
        Map<String, Object> realm = realm();
        Map<String, Object> issuer;
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("identity-issuer/src/main/resources/identity-issuer.yml"))) {
            issuer = new Yaml().load(reader);
        }
        List<Map<String, Object>> demo = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>) issuer
                .get("relocmatch")).get("issuer")).get("users");
        List<Map<String, Object>> users = (List<Map<String, Object>>) realm.get("users");
        for (Map<String, Object> person : demo) {
            Map<String, Object> user = users.stream().filter(u -> person.get("username").equals(u.get("username")))
                    .findFirst().orElseThrow(() -> new AssertionError("no Keycloak user " + person.get("username")));
            assertThat(user.get("email")).isEqualTo(person.get("email"));
            assertThat((List<String>) user.get("realmRoles")).containsExactlyInAnyOrderElementsOf((List<String>) person.get("roles"));
            assertThat((List<String>) user.get("groups")).containsExactlyInAnyOrderElementsOf(
                    ((List<String>) person.get("regions")).stream().map(region -> "/" + region).toList());
        }
        Map<String, Object> partners = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) issuer
                .get("relocmatch")).get("issuer")).get("partners");
        List<Map<String, Object>> clients = (List<Map<String, Object>>) realm.get("clients");
        for (Map.Entry<String, Object> partner : partners.entrySet()) {
            Map<String, Object> client = clients.stream().filter(c -> partner.getKey().equals(c.get("clientId")))
                    .findFirst().orElseThrow(() -> new AssertionError("no Keycloak client " + partner.getKey()));
            assertThat(client.get("serviceAccountsEnabled")).isEqualTo(true);
            assertThat(mappers(client)).containsEntry("partner",
                    ((Map<String, Object>) partner.getValue()).get("source"));
            assertThat(users).anySatisfy(u -> {
                assertThat(u.get("serviceAccountClientId")).isEqualTo(partner.getKey());
                assertThat((List<String>) u.get("realmRoles")).containsExactly("PARTNER");
            });
        }
        Map<String, Object> machines = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) issuer
                .get("relocmatch")).get("issuer")).get("machines");
        for (Map.Entry<String, Object> machine : machines.entrySet()) {
            Map<String, Object> client = clients.stream().filter(c -> machine.getKey().equals(c.get("clientId")))
                    .findFirst().orElseThrow(() -> new AssertionError("no Keycloak client " + machine.getKey()));
            assertThat(client.get("serviceAccountsEnabled")).isEqualTo(true);
            assertThat(mappers(client)).containsEntry("aud", "relocmatch-api").doesNotContainKey("partner");
            assertThat(users).anySatisfy(u -> {
                assertThat(u.get("serviceAccountClientId")).isEqualTo(machine.getKey());
                assertThat((List<String>) u.get("realmRoles")).containsExactlyInAnyOrderElementsOf(
                        (List<String>) ((Map<String, Object>) machine.getValue()).get("roles"));
            });
        }
        Map<String, Object> cli = clients.stream().filter(c -> "relocmatch-cli".equals(c.get("clientId"))).findFirst()
                .orElseThrow();
        assertThat(mappers(cli)).containsEntry("aud", "relocmatch-api").containsEntry("roles", "realm roles")
                .containsEntry("regions", "groups").containsEntry("email", "email");
    }

    /** What each protocol mapper of a client puts in the token, by claim. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mappers(Map<String, Object> client) {
        Map<String, Object> claims = new LinkedHashMap<>();
        for (Map<String, Object> mapper : (List<Map<String, Object>>) client.get("protocolMappers")) {
            Map<String, Object> config = (Map<String, Object>) mapper.get("config");
            switch (String.valueOf(mapper.get("protocolMapper"))) {
                case "oidc-audience-mapper" -> claims.put("aud", config.get("included.custom.audience"));
                case "oidc-usermodel-realm-role-mapper" -> claims.put(String.valueOf(config.get("claim.name")), "realm roles");
                case "oidc-group-membership-mapper" -> {
                    assertThat(config.get("full.path")).isEqualTo("false");
                    claims.put(String.valueOf(config.get("claim.name")), "groups");
                }
                case "oidc-usermodel-property-mapper" -> claims.put(String.valueOf(config.get("claim.name")), config.get("user.attribute"));
                case "oidc-hardcoded-claim-mapper" -> claims.put(String.valueOf(config.get("claim.name")), config.get("claim.value"));
                default -> throw new AssertionError("unexpected mapper " + mapper);
            }
        }
        return claims;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> realm() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("keycloak/relocmatch-realm.json"))) {
            return new Yaml().load(reader);
        }
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
