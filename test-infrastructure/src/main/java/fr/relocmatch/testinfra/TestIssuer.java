package fr.relocmatch.testinfra;

import java.time.Instant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.relocmatch.issuer.IdentityIssuerApplication;
import fr.relocmatch.issuer.client.Tokens;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded OpenID Connect issuer (Spring Authorization Server, with its demo people and
 * partners) in the test's JVM, on a free loopback port; the services under test validate its tokens
 * over HTTP as they would in production. Tokens are fetched once per caller (they last an hour).
 */
public final class TestIssuer implements AutoCloseable {

    /** Adviser and région admin of Normandie (28), the région the services' tests run as. */
    public static final String REFERENT = "referent.normandie";
    /** Adviser of Normandie following the groups' demands (grands-comptes@normandie.cci.fr). */
    public static final String ADVISER_28 = "conseiller.normandie";
    /** Adviser of Normandie following textile SMEs (textile@normandie.cci.fr). */
    public static final String TEXTILE_ADVISER_28 = "conseiller.textile";
    public static final String ADVISER_32 = "conseiller.hdf";
    public static final String ADMIN_28 = "admin.normandie";
    public static final String ADMIN_32 = "admin.hdf";
    public static final String AUDITOR_28 = "auditeur.normandie";
    /** Partner clients (client credentials), by client id. */
    public static final String PARTNER = "partner-demo";
    public static final String OTHER_PARTNER = "partner-other";
    /** The metrics scraper's client (role MONITORING). */
    public static final String MONITORING = "monitoring-demo";
    /** The demo password of every person. */
    public static final String PASSWORD = "demo";

    /**
     * The Spring Authorization Server auto-configurations a service's test context must not run
     * although their classes are on its class path: they would give the service a token decoder
     * of its own.
     */
    static final String NOT_IN_SERVICES = "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration,"
            + "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration";

    /**
     * What the issuer must not run although a service's test class path holds it: the services'
     * own access control and event plumbing, and their MongoDB and Kafka clients.
     */
    static final String NOT_IN_ISSUER = String.join(",", "fr.relocmatch.access.AccessControlAutoConfiguration",
            "fr.relocmatch.state.events.StateEventsAutoConfiguration", "fr.relocmatch.api.ApiConventionsAutoConfiguration",
            "fr.relocmatch.partner.PartnerInboxAutoConfiguration",
            "fr.relocmatch.state.health.MongoPingHealthAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.cloud.stream.config.BindersHealthIndicatorAutoConfiguration",
            "org.springframework.cloud.stream.config.ChannelsEndpointAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingsEndpointAutoConfiguration",
            "org.springframework.cloud.stream.config.BindingServiceConfiguration",
            "org.springframework.cloud.stream.function.FunctionConfiguration");

    private static volatile TestIssuer instance;

    private final ConfigurableApplicationContext context;
    private final String uri;
    private final Tokens tokens;
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();

    /** A token and when it was fetched: used for half its hour, then fetched again. */
    private record Issued(String token, Instant at) {
    }

    private TestIssuer(ConfigurableApplicationContext context, String uri) {
        this.context = context;
        this.uri = uri;
        this.tokens = new Tokens(uri);
    }

    /** The issuer of this JVM, started on first use, stopped when the JVM exits. */
    public static TestIssuer get() {
        TestIssuer current = instance;
        if (current == null) {
            synchronized (TestIssuer.class) {
                current = instance;
                if (current == null) {
                    current = start();
                    instance = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(current::close, "test-issuer-stop"));
                }
            }
        }
        return current;
    }

    private static TestIssuer start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfigurableApplicationContext context = IdentityIssuerApplication.application()
                .run("--server.port=" + port, "--spring.jmx.enabled=false", "--spring.autoconfigure.exclude=" + NOT_IN_ISSUER);
        return new TestIssuer(context, "http://127.0.0.1:" + port);
    }

    public String uri() {
        return uri;
    }

    /** An access token of a demo person (by login), partner or machine (by client id). */
    public String token(String caller) {
        Instant now = Instant.now();
        return issued.compute(caller, (name, known) -> known != null && known.at().isAfter(now.minusSeconds(1800)) ? known
                : new Issued(name.startsWith("partner-") || name.equals(MONITORING) ? tokens.partner(name, name + "-secret")
                        : tokens.person(name, PASSWORD), now)).token();
    }

    /** Points a service at this issuer. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", uri);
        properties.put("spring.autoconfigure.exclude", NOT_IN_SERVICES);
        return properties;
    }

    @Override
    public void close() {
        context.close();
    }
}
