package fr.relocmatch.launcher;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The four RelocMatch services, started together against one Kafka, one MongoDB and one SMTP server. */
public final class Services implements AutoCloseable {

    /** Service names, in start order, with their conventional ports. */
    static final Map<String, Integer> DEFAULT_PORTS = Map.of("company-service", 8081, "demand-service", 8082,
            "matching-service", 8083, "notification-service", 8084);
    public static final List<String> NAMES = List.of("company-service", "demand-service", "matching-service",
            "notification-service");

    private final List<ServiceProcess> processes;

    private Services(List<ServiceProcess> processes) {
        this.processes = new CopyOnWriteArrayList<>(processes);
    }

    /**
     * Starts all four and waits until each is healthy.
     *
     * @param ports port of each service by name
     */
    static Services start(Path projectRoot, Map<String, Integer> ports, KafkaClients kafka, String mongoUri, int smtpPort,
            Access access, Path logDir, Duration timeout) {
        return start(projectRoot, ports, kafka, mongoUri, smtpPort, access, logDir, timeout, name -> Map.of());
    }

    /**
     * Starts the services named in {@code ports} (in start order) and waits until each is healthy.
     *
     * @param extra more properties of each service by name, e.g. another instance's {@code relocmatch.region}
     */
    public static Services start(Path projectRoot, Map<String, Integer> ports, KafkaClients kafka, String mongoUri, int smtpPort,
            Access access, Path logDir, Duration timeout, Function<String, Map<String, String>> extra) {
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (String name : NAMES.stream().filter(ports::containsKey).toList()) {
                started.add(ServiceProcess.start(projectRoot, name, ports.get(name),
                        properties(name, ports, kafka, mongoUri, smtpPort, access, extra.apply(name)), logDir));
            }
            for (ServiceProcess process : started) {
                process.awaitHealthy(timeout);
            }
            return new Services(started);
        }
        catch (RuntimeException e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
    }

    /** What a service is started with: its issuer, Kafka login, database, SMTP server, then {@code extra}. */
    public static Map<String, String> properties(String name, Map<String, Integer> ports, KafkaClients kafka,
            String mongoUri, int smtpPort, Access access, Map<String, String> extra) {
        Map<String, String> properties = new LinkedHashMap<>(access.properties(name));
        // each service logs in to Kafka as itself: its principal is its name (unless extra says otherwise)
        properties.putAll(kafka.springProperties(name));
        properties.putAll(extra);
        properties.put("spring.mongodb.uri", mongoUri);
        if (name.equals("notification-service")) {
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", String.valueOf(smtpPort));
            // every link of the e-mails leads to the console
            properties.put("relocmatch.notification.console-url",
                    "http://127.0.0.1:" + ports.getOrDefault("adviser-console", CONSOLE_PORT));
        }
        return properties;
    }

    /** The adviser console's conventional port. */
    static final int CONSOLE_PORT = 8085;

    /**
     * Starts the adviser console against these services and the issuer (which must be up: the
     * console reads its OpenID configuration at start), and waits until it is healthy. People reach
     * it at {@code http://127.0.0.1:<port>}, the loopback address the issuer lets redirect to on any port.
     */
    ServiceProcess startConsole(Path projectRoot, int port, Access access, Path logDir, Duration timeout) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.security.oauth2.client.provider.relocmatch.issuer-uri", access.issuerUri());
        properties.put("relocmatch.console.services.company", baseUrl("company-service"));
        properties.put("relocmatch.console.services.demand", baseUrl("demand-service"));
        properties.put("relocmatch.console.services.matching", baseUrl("matching-service"));
        properties.put("relocmatch.console.services.notification", baseUrl("notification-service"));
        ServiceProcess console = ServiceProcess.start(projectRoot, "adviser-console", port, properties, logDir);
        try {
            console.awaitHealthy(timeout);
        }
        catch (RuntimeException e) {
            console.close();
            throw e;
        }
        processes.add(console);
        return console;
    }

    public String baseUrl(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().baseUrl();
    }

    public List<ServiceProcess> processes() {
        return processes;
    }

    /** Stops all at once (a thread each, not the two of a small common pool), each given its graceful shutdown. */
    @Override
    public void close() {
        List<Thread> stopping = processes.stream()
                .map(process -> Thread.ofPlatform().name("stop-" + process.name()).start(process::close)).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
