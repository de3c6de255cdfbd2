package fr.relocmatch.testinfra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.testcontainers.DockerClientFactory;

/**
 * Where the Kafka broker and MongoDB of the tests come from. Chosen once per JVM from the system
 * property or environment variable {@value #PROPERTY}: {@code embedded}, {@code testcontainers},
 * or {@code auto} (the default: Testcontainers when a Docker engine answers, embedded otherwise).
 */
public enum Backend {

    /** Apache Kafka's own broker in KRaft mode and mongo-java-server, in this JVM, over TCP. */
    EMBEDDED,
    /** {@code apache/kafka} and {@code mongo} containers. */
    TESTCONTAINERS;

    public static final String PROPERTY = "relocmatch.test.infrastructure";

    static Backend choose() {
        String configured = System.getProperty(PROPERTY, System.getenv("RELOCMATCH_TEST_INFRASTRUCTURE"));
        String choice = configured == null ? "auto" : configured.strip().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "embedded" -> EMBEDDED;
            case "testcontainers" -> TESTCONTAINERS;
            case "auto" -> dockerAvailable() ? TESTCONTAINERS : EMBEDDED;
            default -> throw new IllegalArgumentException(PROPERTY + " must be embedded, testcontainers or auto, not '"
                    + configured + "'");
        };
    }

    private static boolean dockerAvailable() {
        boolean engineConfigured = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!engineConfigured) {
            return false; // nothing to ask: spare the strategy probe and its error log
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
