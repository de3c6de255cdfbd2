package fr.relocmatch.launcher;

import java.net.InetAddress;
import org.springframework.util.FileSystemUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.relocmatch.testinfra.SharedInfrastructure;

/**
 * The four services as separate JVMs from their executable jars, on the Kafka broker of the local
 * run (SASL logins, the ACLs of {@code kafka/access.txt}) and the shared MongoDB and SMTP servers:
 * started once per test JVM, for every end-to-end test class, stopped at exit.
 */
final class RunningServices {

    private static Services services;
    private static LocalKafka kafka;
    private static Path kafkaData;
    private static String console;
    private static int consolePort;

    private RunningServices() {
    }

    static synchronized Services get() {
        if (services == null) {
            SharedInfrastructure infrastructure = SharedInfrastructure.get();
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String name : Services.NAMES) {
                ports.put(name, freePort());
            }
            // started only by the tests that need it, but the e-mails' links already lead there
            ports.put("adviser-console", freePort());
            consolePort = ports.get("adviser-console");
            Path projectRoot = Path.of("").toAbsolutePath().getParent();
            kafkaData = projectRoot.resolve("local-launcher/target/e2e-kafka");
            FileSystemUtils.deleteRecursively(kafkaData.toFile());
            kafka = LocalKafka.start(kafkaData.resolve("kafka"), freePort(), freePort(),
                    KafkaAccess.read(projectRoot.resolve("kafka/access.txt")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (services != null) {
                    services.close();
                }
                kafka.close();
            }, "relocmatch-e2e-stop"));
            Services started = Services.start(projectRoot, ports, kafka.clients(),
                    infrastructure.mongoUri(), infrastructure.smtpPort(), Callers.access(),
                    projectRoot.resolve("local-launcher/target/e2e-logs"), Duration.ofMinutes(3));
            services = started;
        }
        return services;
    }

    /** The adviser console against these services and the test issuer, started on first use (only the browser tests need it). */
    static synchronized String console() {
        if (console == null) {
            Services running = get();
            Path projectRoot = Path.of("").toAbsolutePath().getParent();
            console = running.startConsole(projectRoot, consolePort, Callers.access(),
                    projectRoot.resolve("local-launcher/target/e2e-logs"), Duration.ofMinutes(3)).baseUrl();
        }
        return console;
    }

    /** How to reach the services' Kafka broker, as which principal. */
    static KafkaClients kafka() {
        get();
        return kafka.clients();
    }

    /** The {@code kcat -F} file of a principal of the services' broker. */
    static Path kcatConfig(String principal) {
        get();
        return kafkaData.resolve("kafka-clients").resolve(principal + ".conf");
    }

    /** A free TCP port on the loopback interface. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
