package fr.relocmatch.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One service started from its executable jar as a separate JVM, as it runs in production. */
public final class ServiceProcess implements AutoCloseable {

    /** The heap limit of a service unless {@code relocmatch.<name>.heap} says otherwise. */
    public static final String DEFAULT_HEAP = "256m";
    /**
     * matching-service's: it holds every profile in memory, about 530 bytes each — 1 000 000 in
     * 600 MB (docs/benchmarks.md, "Under load"). A limit, not a reservation: a small base uses little.
     */
    public static final String MATCHING_HEAP = "1g";

    static final String DEFAULT_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code <root>/<name>/target/<name>-*-exec.jar}.
     *
     * @param properties Spring properties passed on the command line
     */
    public static ServiceProcess start(Path projectRoot, String name, int port, Map<String, String> properties, Path logDir) {
        Path jar = executableJar(projectRoot, name);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap(name));
        command.addAll(jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        command.add("--server.port=" + port);
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            return new ServiceProcess(name, port, process, log);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * The heap limit a service gets: {@value #DEFAULT_HEAP} ({@value #MATCHING_HEAP} for matching-service), or the system property
     * {@code relocmatch.<name>.heap} (e.g. {@code -Drelocmatch.matching-service.heap=1g}).
     */
    public static String heap(String name) {
        return System.getProperty("relocmatch." + name + ".heap", name.equals("matching-service") ? MATCHING_HEAP : DEFAULT_HEAP);
    }

    /**
     * The services' JVM options besides the heap: {@value #DEFAULT_JVM_OPTIONS} — quick start-up,
     * small footprint, as four services share a laptop with the infrastructure — or the system
     * property {@code relocmatch.services.jvm-options} (the load driver compiles in full, as the
     * Dockerfile's JVM does).
     */
    public static List<String> jvmOptions() {
        String options = System.getProperty("relocmatch.services.jvm-options", DEFAULT_JVM_OPTIONS).strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    static Path executableJar(Path projectRoot, String name) {
        Path target = projectRoot.resolve(name).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No executable jar of " + name + " in " + target
                            + ": build it first (./mvnw -DskipTests package)"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the service's health endpoint answers UP. */
    public void awaitHealthy(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up (exit " + process.exitValue()
                        + "); see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            }
            catch (IOException notYet) {
                // not listening yet
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " not healthy after " + timeout + "; see " + log);
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    /** The operating system's id of the service's process. */
    public long pid() {
        return process.pid();
    }

    /** Kills the service at once (SIGKILL), as a crash would: no shutdown of any kind. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the service to stop (SIGTERM: Spring shuts down gracefully), then forces it after 8 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(8, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
