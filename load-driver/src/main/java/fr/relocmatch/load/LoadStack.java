package fr.relocmatch.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fr.relocmatch.issuer.client.Tokens;
import fr.relocmatch.launcher.Access;
import fr.relocmatch.launcher.KafkaAccess;
import fr.relocmatch.launcher.KafkaClients;
import fr.relocmatch.launcher.LocalKafka;
import fr.relocmatch.launcher.LocalMail;
import fr.relocmatch.launcher.LocalMongo;
import fr.relocmatch.launcher.ServiceProcess;
import fr.relocmatch.launcher.Services;

/**
 * The local stack of {@code ./run-local.sh} (broker with its logins, MongoDB wire protocol — in memory here —, SMTP,
 * the issuer, the four services from their jars, with the heaps the launcher gives them), on free
 * ports and in a fresh folder, with what a measurement needs: metrics scraped as the monitoring
 * client, a full collection and the heap of a service, matching-service restarted.
 */
final class LoadStack implements AutoCloseable {

    static final Duration START = Duration.ofMinutes(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path root;
    private final Path data;
    private final LocalKafka kafka;
    private final LocalMongo mongo;
    private final LocalMail mail;
    private final ServiceProcess issuer;
    private final Access access;
    private final Map<String, Integer> ports;
    private Services services;
    private ServiceProcess matching;
    private String monitoringToken;

    private LoadStack(Path root, Path data, LocalKafka kafka, LocalMongo mongo, LocalMail mail, ServiceProcess issuer,
            Access access, Map<String, Integer> ports) {
        this.root = root;
        this.data = data;
        this.kafka = kafka;
        this.mongo = mongo;
        this.mail = mail;
        this.issuer = issuer;
        this.access = access;
        this.ports = ports;
    }

    static LoadStack start(Path root, Path data) {
        delete(data);
        LocalKafka kafka = LocalKafka.start(data.resolve("kafka"), freePort(), freePort(),
                KafkaAccess.read(root.resolve("kafka/access.txt")));
        // in memory: an H2 file's writes in this JVM would be what is measured, not the services
        LocalMongo mongo = LocalMongo.inMemory(freePort());
        LocalMail mail = LocalMail.start(data.resolve("mail"), freePort());
        ServiceProcess issuer = ServiceProcess.start(root, "identity-issuer", freePort(), Map.of(), data.resolve("logs"));
        issuer.awaitHealthy(START);
        Access access = new Access(issuer.baseUrl(), Access.linkKey(data.resolve("link-keys")));
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : Services.NAMES) {
            ports.put(name, freePort());
        }
        LoadStack stack = new LoadStack(root, data, kafka, mongo, mail, issuer, access, ports);
        stack.services = Services.start(root, ports, kafka.clients(), mongo.uri(), mail.port(), access,
                data.resolve("logs"), START, name -> Map.of());
        stack.matching = stack.services.processes().stream().filter(p -> p.name().equals("matching-service"))
                .findFirst().orElseThrow();
        return stack;
    }

    KafkaClients kafka() {
        return kafka.clients();
    }

    /** E-mails the SMTP server received. */
    int emailsReceived() {
        return mail.received();
    }

    /**
     * Stops matching-service (SIGTERM, as an operator's restart does) and starts it again: it reads
     * every profile from the companies topic.
     *
     * @return when the process was started, when it first answered HTTP, when it was ready (index caught up)
     */
    RestartTimes restartMatching() {
        matching.close();
        long started = System.nanoTime();
        matching = ServiceProcess.start(root, "matching-service", ports.get("matching-service"),
                Services.properties("matching-service", ports, kafka.clients(), mongo.uri(), mail.port(), access, Map.of()),
                data.resolve("logs"));
        long answering = awaitStatus("/actuator/health/liveness");
        long ready = awaitStatus("/actuator/health/readiness");
        return new RestartTimes(Duration.ofNanos(answering - started), Duration.ofNanos(ready - answering));
    }

    /** How long a restarted matching-service took to answer, then to read every profile. */
    record RestartTimes(Duration toAnswer, Duration catchUp) {
    }

    private long awaitStatus(String path) {
        long deadline = System.nanoTime() + START.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(matching.baseUrl() + path)).timeout(Duration.ofSeconds(2))
                .GET().build();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return System.nanoTime();
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(100));
        }
        throw new IllegalStateException("matching-service not " + path + " after " + START);
    }

    /** What a service's {@code /actuator/prometheus} answers, read as the monitoring client. */
    Metrics metrics(String service) {
        if (monitoringToken == null) {
            monitoringToken = new Tokens(access.issuerUri()).partner("monitoring-demo", "monitoring-demo-secret");
        }
        String base = service.equals("matching-service") ? matching.baseUrl() : services.baseUrl(service);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + monitoringToken).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(service + " metrics: HTTP " + answer.statusCode());
            }
            return new Metrics(answer.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * matching-service's heap after a full collection ({@code jcmd GC.run}): what it holds live.
     * Micrometer reads the pools' use on each scrape.
     */
    long matchingLiveHeap() {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path jcmd = java.resolveSibling("jcmd");
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(matching.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(60, TimeUnit.SECONDS) || gc.exitValue() != 0) {
                throw new IllegalStateException("jcmd GC.run failed for matching-service");
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return (long) metrics("matching-service").sum("jvm_memory_used_bytes", "area=\"heap\"");
    }

    /** The heap limit the launcher gives matching-service. */
    static String matchingHeapLimit() {
        return ServiceProcess.heap("matching-service");
    }

    @Override
    public void close() {
        if (matching != null) {
            matching.close();
        }
        if (services != null) {
            services.close();
        }
        issuer.close();
        mail.close();
        mongo.close();
        kafka.close();
    }

    /** Removes a folder and what it holds: each run starts empty. */
    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Prometheus text exposition, read by series name and label. */
    record Metrics(String text) {

        /** The sum of the samples of a series (optionally only those with a label, e.g. {@code area="heap"}). */
        double sum(String name, String label) {
            double sum = 0;
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                    continue;
                }
                if (label != null && !line.contains(label)) {
                    continue;
                }
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
            return sum;
        }
    }
}
