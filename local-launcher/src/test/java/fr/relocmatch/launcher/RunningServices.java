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
    private static SpanCollector spans;

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
            spans = SpanCollector.start();
            // as an operator would run them: JSON log lines, spans exported by OTLP
            Map<String, String> observed = Map.of("logging.structured.format.console", "ecs",
                    "management.opentelemetry.tracing.export.otlp.endpoint", spans.endpoint(),
                    "management.opentelemetry.tracing.export.schedule-delay", "1s");
            Services started = Services.start(projectRoot, ports, kafka.clients(),
                    infrastructure.mongoUri(), infrastructure.smtpPort(), Callers.access(),
                    logs(), Duration.ofMinutes(3), name -> observed);
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

    /** The spans the services exported. */
    static SpanCollector spans() {
        get();
        return spans;
    }

    /** Where each service's output goes ({@code <name>.log}). */
    static Path logs() {
        return Path.of("").toAbsolutePath().getParent().resolve("local-launcher/target/e2e-logs");
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
