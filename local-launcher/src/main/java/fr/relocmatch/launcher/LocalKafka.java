package fr.relocmatch.launcher;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * The Apache Kafka broker itself, in KRaft combined mode (broker and controller in one node), on
 * fixed loopback ports with its log in the data folder, so topics survive a restart.
 */
final class LocalKafka implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private LocalKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    static LocalKafka start(Path logDir, int port, int controllerPort) {
        try {
            Files.createDirectories(logDir);
            Properties properties = new Properties();
            properties.put("process.roles", "broker,controller");
            properties.put("node.id", "1");
            properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            properties.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            properties.put("controller.listener.names", "CONTROLLER");
            properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            properties.put("inter.broker.listener.name", "PLAINTEXT");
            properties.put("log.dirs", logDir.toAbsolutePath().toString());
            properties.put("num.partitions", "3");
            properties.put("offsets.topic.replication.factor", "1");
            properties.put("transaction.state.log.replication.factor", "1");
            properties.put("transaction.state.log.min.isr", "1");
            properties.put("share.coordinator.state.topic.replication.factor", "1");
            properties.put("share.coordinator.state.topic.min.isr", "1");
            properties.put("group.initial.rebalance.delay.ms", "0");
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir, properties);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
            server.startup();
            return new LocalKafka(server, port);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka log folder " + logDir, e);
        }
    }

    private static void format(Path logDir, Properties properties) throws IOException {
        Path config = logDir.resolveSibling("kafka-server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "Written by the RelocMatch launcher to format the KRaft storage");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Stops the broker, waiting at most 5 s: the launcher must stop within seconds on Ctrl-C or
     * SIGTERM (its clients are gone by then; the log is flushed at every write by then). A broker
     * that takes longer is left to the JVM's exit; it recovers its log at the next start.
     */
    @Override
    public void close() {
        if (!stop(java.time.Duration.ofSeconds(5))) {
            System.err.println("Kafka broker still stopping after 5 s: leaving it to the exit");
        }
    }

    /**
     * Stops the broker and waits for it at most {@code wait}; answers whether it is stopped (its
     * ports and log folder free for a new start).
     */
    boolean stop(java.time.Duration wait) {
        Thread stopping = Thread.ofPlatform().daemon().name("kafka-stop").start(() -> {
            server.shutdown();
            server.awaitShutdown();
        });
        try {
            return stopping.join(wait);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
