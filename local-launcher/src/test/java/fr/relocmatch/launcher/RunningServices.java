package fr.relocmatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.relocmatch.testinfra.SharedInfrastructure;

/**
 * The four services as separate JVMs from their executable jars, on the shared Kafka, MongoDB and
 * SMTP servers: started once per test JVM, for every end-to-end test class, stopped at exit.
 */
final class RunningServices {

    private static Services services;

    private RunningServices() {
    }

    static synchronized Services get() {
        if (services == null) {
            SharedInfrastructure infrastructure = SharedInfrastructure.get();
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (String name : Services.NAMES) {
                ports.put(name, freePort());
            }
            Path projectRoot = Path.of("").toAbsolutePath().getParent();
            Services started = Services.start(projectRoot, ports, infrastructure.kafkaBootstrapServers(),
                    infrastructure.mongoUri(), infrastructure.smtpPort(), Callers.access(),
                    projectRoot.resolve("local-launcher/target/e2e-logs"), Duration.ofMinutes(3));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "relocmatch-e2e-stop"));
            services = started;
        }
        return services;
    }

    /** A free TCP port on the loopback interface. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
