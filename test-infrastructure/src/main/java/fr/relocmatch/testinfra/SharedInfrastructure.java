package fr.relocmatch.testinfra;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker, MongoDB server and SMTP server every integration test of a JVM shares. They
 * start on first use and stop when the JVM exits; services reach them over TCP on loopback (or on
 * the Docker host's mapped ports), as in production.
 */
public final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);

    private static volatile SharedInfrastructure instance;

    private final Backend backend;
    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private volatile GreenMail smtp;
    private final int smtpPort;
    private final Runnable stopServers;

    private SharedInfrastructure(Backend backend, String kafkaBootstrapServers, String mongoUri, GreenMail smtp,
            Runnable stopServers) {
        this.backend = backend;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
        this.smtp = smtp;
        this.smtpPort = smtp.getSmtp().getPort();
        this.stopServers = () -> {
            this.smtp.stop();
            stopServers.run();
        };
    }

    /** The servers of this JVM, started on the first call. */
    public static SharedInfrastructure get() {
        SharedInfrastructure current = instance;
        if (current == null) {
            synchronized (SharedInfrastructure.class) {
                current = instance;
                if (current == null) {
                    current = start(Backend.choose());
                    instance = current;
                    Runtime.getRuntime().addShutdownHook(new Thread(current.stopServers, "test-infrastructure-stop"));
                }
            }
        }
        return current;
    }

    private static SharedInfrastructure start(Backend backend) {
        long started = System.nanoTime();
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        SharedInfrastructure infrastructure = backend == Backend.TESTCONTAINERS ? containers(smtp) : embedded(smtp);
        log.info("Test infrastructure ({}) up in {} ms: kafka={} mongo={} smtp=127.0.0.1:{}", backend,
                (System.nanoTime() - started) / 1_000_000, infrastructure.kafkaBootstrapServers,
                infrastructure.mongoUri, infrastructure.smtpPort());
        return infrastructure;
    }

    private static SharedInfrastructure embedded(GreenMail smtp) {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
        InetSocketAddress address = mongo.getLocalAddress();
        String mongoUri = "mongodb://127.0.0.1:" + address.getPort();
        return new SharedInfrastructure(Backend.EMBEDDED, kafka.getBrokersAsString(), mongoUri, smtp, () -> {
            mongo.shutdownNow();
            kafka.destroy();
        });
    }

    @SuppressWarnings("resource") // stopped by the shutdown hook
    private static SharedInfrastructure containers(GreenMail smtp) {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        String mongoUri = "mongodb://" + mongo.getHost() + ":" + mongo.getMappedPort(27017);
        return new SharedInfrastructure(Backend.TESTCONTAINERS, kafka.getBootstrapServers(), mongoUri, smtp, () -> {
            mongo.stop();
            kafka.stop();
        });
    }

    public Backend backend() {
        return backend;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    /** Server address without a database: each service names its own database. */
    public String mongoUri() {
        return mongoUri;
    }

    public GreenMail smtp() {
        return smtp;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Stops the SMTP server, as in an outage: connections to its port are refused. */
    public synchronized void stopSmtp() {
        smtp.stop();
    }

    /** Starts a fresh SMTP server on the same port after {@link #stopSmtp()}. */
    public synchronized void startSmtp() {
        if (!smtp.isRunning()) {
            GreenMail restarted = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            restarted.start();
            smtp = restarted;
        }
    }

    /** The OpenID Connect issuer of this JVM's services, started on first use. */
    public TestIssuer issuer() {
        return TestIssuer.get();
    }

    /** A client of the service on this port, calling as the région 28 referent (adviser and région admin). */
    public JsonApi api(int port) {
        return api(port, TestIssuer.REFERENT);
    }

    /** A client of the service on this port, calling as this demo person or partner. */
    public JsonApi api(int port, String caller) {
        return JsonApi.onLocalPort(port).as(issuer().token(caller));
    }

    /** Spring properties that point a service at these servers. */
    /** The key the services of the tests sign and open e-mail links with. */
    public static final String LINK_KEY = "test-link-key-of-the-shared-infrastructure";

    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>(issuer().springProperties());
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers);
        properties.put("spring.mongodb.uri", mongoUri);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtpPort());
        // notification-service signs the links of its e-mails with a configured key, never a random one;
        // company-service opens the profile confirmation links with it
        properties.put("relocmatch.notification.link-keys", LINK_KEY);
        return properties;
    }
}
