package fr.relocmatch.launcher;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;

/**
 * The Apache Kafka broker itself, in KRaft combined mode (broker and controller in one node), on
 * fixed loopback ports with its log in the data folder, so topics survive a restart. Clients log
 * in with SASL SCRAM-SHA-512 and may do only what {@code kafka/access.txt} allows (the standard
 * authorizer); the principals' passwords are drawn on first start and kept beside the log
 * ({@code kafka-credentials.properties}), with a {@code kcat -F} file per principal in
 * {@code kafka-clients/}. The controller listener takes the administrator only (SASL PLAIN).
 */
public final class LocalKafka implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final KafkaClients clients;

    private LocalKafka(KafkaRaftServer server, KafkaClients clients) {
        this.server = server;
        this.clients = clients;
    }

    /**
     * Starts the broker, then makes its users and ACLs those of the access table (adding, changing
     * and removing what differs), and returns once the administrator can log in.
     */
    public static LocalKafka start(Path logDir, int port, int controllerPort, KafkaAccess access) {
        try {
            Files.createDirectories(logDir);
            Path credentials = logDir.resolveSibling("kafka-credentials.properties");
            boolean adminKnown = Files.exists(credentials) && Files.readString(credentials).contains(KafkaAccess.ADMIN + "=");
            Map<String, String> passwords = credentials(credentials, access.principals());
            String admin = passwords.get(KafkaAccess.ADMIN);
            Properties properties = new Properties();
            properties.put("process.roles", "broker,controller");
            properties.put("node.id", "1");
            properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            properties.put("listeners", "CLIENTS://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            properties.put("advertised.listeners", "CLIENTS://127.0.0.1:" + port);
            properties.put("controller.listener.names", "CONTROLLER");
            properties.put("listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
            properties.put("inter.broker.listener.name", "CLIENTS");
            properties.put("sasl.mechanism.inter.broker.protocol", KafkaClients.MECHANISM);
            // PLAIN besides SCRAM: librdkafka before 2.6.1 (Debian 12's kcat) fails SCRAM against Kafka 4
            properties.put("listener.name.clients.sasl.enabled.mechanisms", KafkaClients.MECHANISM + ",PLAIN");
            StringBuilder plainUsers = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
            passwords.forEach((user, password) -> plainUsers.append(" user_").append(user).append("=\"").append(password).append('"'));
            properties.put("listener.name.clients.plain.sasl.jaas.config", plainUsers.append(';').toString());
            properties.put("listener.name.clients.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\""
                            + admin + "\";");
            properties.put("sasl.mechanism.controller.protocol", "PLAIN");
            properties.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
            properties.put("listener.name.controller.plain.sasl.jaas.config", plainLogin(admin) + " user_admin=\"" + admin + "\";");
            properties.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            properties.put("super.users", "User:" + KafkaAccess.ADMIN);
            properties.put("log.dirs", logDir.toAbsolutePath().toString());
            properties.put("num.partitions", "3");
            properties.put("offsets.topic.replication.factor", "1");
            properties.put("transaction.state.log.replication.factor", "1");
            properties.put("transaction.state.log.min.isr", "1");
            properties.put("share.coordinator.state.topic.replication.factor", "1");
            properties.put("share.coordinator.state.topic.min.isr", "1");
            properties.put("group.initial.rebalance.delay.ms", "0");
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(logDir, properties, admin);
            }
            else if (!adminKnown) {
                addAdministrator(properties, admin);
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
            server.startup();
            KafkaClients clients = new KafkaClients("127.0.0.1:" + port, passwords);
            LocalKafka kafka = new LocalKafka(server, clients);
            try {
                kafka.apply(access);
                writeKcatFiles(logDir.resolveSibling("kafka-clients"), clients);
            }
            catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            return kafka;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka log folder " + logDir, e);
        }
    }

    private static String plainLogin(String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\""
                + password + "\"";
    }

    private static void format(Path logDir, Properties properties, String adminPassword) throws IOException {
        Path config = logDir.resolveSibling("kafka-server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "Written by the RelocMatch launcher to format the KRaft storage");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                config.toString(), "--add-scram",
                "SCRAM-SHA-512=[name=" + KafkaAccess.ADMIN + ",password=" + adminPassword + "]"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** The principals' passwords kept in {@code file}; those missing are drawn and added. */
    static Map<String, String> credentials(Path file, Set<String> principals) throws IOException {
        Properties stored = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(reader);
            }
        }
        boolean added = false;
        SecureRandom random = new SecureRandom();
        for (String principal : principals) {
            if (!stored.containsKey(principal)) {
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                stored.setProperty(principal, HexFormat.of().formatHex(bytes));
                added = true;
            }
        }
        if (added) {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                stored.store(writer, "Kafka SCRAM passwords of the local broker's principals: keep this file private");
            }
            ownerOnly(file);
        }
        Map<String, String> passwords = new TreeMap<>();
        principals.forEach(principal -> passwords.put(principal, stored.getProperty(principal)));
        return passwords;
    }

    private static void ownerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void writeKcatFiles(Path folder, KafkaClients clients) throws IOException {
        Files.createDirectories(folder);
        for (String principal : clients.passwords().keySet()) {
            Path file = folder.resolve(principal + ".conf");
            Files.writeString(file, clients.kcatConfig(principal), StandardCharsets.UTF_8);
            ownerOnly(file);
        }
    }

    /**
     * A log folder formatted before the broker authenticated its clients has no administrator:
     * started once with a setup listener on loopback that takes anyone as super user, it gets one,
     * and is stopped again. Nothing else is done on that listener; it is gone at the real start.
     */
    private static void addAdministrator(Properties normal, String password) throws IOException {
        int setupPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            setupPort = socket.getLocalPort();
        }
        Properties properties = new Properties();
        properties.putAll(normal);
        properties.put("listeners", normal.getProperty("listeners") + ",SETUP://127.0.0.1:" + setupPort);
        properties.put("advertised.listeners", normal.getProperty("advertised.listeners") + ",SETUP://127.0.0.1:" + setupPort);
        properties.put("listener.security.protocol.map", normal.getProperty("listener.security.protocol.map") + ",SETUP:PLAINTEXT");
        properties.put("super.users", normal.getProperty("super.users") + ";User:ANONYMOUS");
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        server.startup();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + setupPort))) {
            admin.alterUserScramCredentials(List.of(upsert(KafkaAccess.ADMIN, password))).all().get();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Cannot add the Kafka administrator: " + e.getCause().getMessage(), e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        finally {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static UserScramCredentialUpsertion upsert(String user, String password) {
        return new UserScramCredentialUpsertion(user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password);
    }

    /**
     * Makes the broker's SCRAM users and ACLs those of the table, adding, changing and removing
     * what differs, as the administrator, and waits until the broker applies them.
     */
    private void apply(KafkaAccess access) {
        Map<String, Object> properties = clients.properties(KafkaAccess.ADMIN);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        Instant deadline = Instant.now().plus(READY);
        try (Admin admin = Admin.create(properties)) {
            awaitLogin(admin, deadline);
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            Set<String> existing = admin.describeUserScramCredentials().all().get().keySet();
            existing.stream().filter(user -> !clients.passwords().containsKey(user))
                    .forEach(user -> users.add(new UserScramCredentialDeletion(user, ScramMechanism.SCRAM_SHA_512)));
            clients.passwords().forEach((user, password) -> users.add(upsert(user, password)));
            admin.alterUserScramCredentials(users).all().get();

            Set<AclBinding> wanted = new HashSet<>(access.bindings());
            Collection<AclBinding> present = admin.describeAcls(AclBindingFilter.ANY).values().get();
            List<AclBindingFilter> stale = present.stream().filter(binding -> !wanted.contains(binding))
                    .map(AclBinding::toFilter).toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get();
            }
            Set<AclBinding> missing = new HashSet<>(wanted);
            missing.removeAll(present);
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get();
            }
            while (!(admin.describeUserScramCredentials().all().get().keySet().equals(clients.passwords().keySet())
                    && new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get()).equals(wanted))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The Kafka broker did not apply its users and ACLs within " + READY);
                }
                Thread.sleep(50);
            }
            // a changed password is applied by the broker a moment after the controller took it: wait
            // until each login is accepted (being refused a resource afterwards is not a failed login)
            for (String user : clients.passwords().keySet()) {
                awaitLoginOf(clients, user, deadline);
            }
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Cannot set the Kafka users and ACLs: " + e.getCause().getMessage(), e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until a principal's SCRAM login (with its password of the files) is accepted on the clients' listener. */
    private static void awaitLoginOf(KafkaClients clients, String user, Instant deadline) throws InterruptedException {
        Map<String, Object> properties = clients.properties(user);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin login = Admin.create(properties)) {
            while (true) {
                try {
                    login.describeCluster().nodes().get();
                    return;
                }
                catch (ExecutionException e) {
                    if (!(e.getCause() instanceof SaslAuthenticationException)) {
                        return;
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("The Kafka broker did not accept the login of " + user + " within "
                                + READY, e.getCause());
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    /** Waits until the administrator's SCRAM login works on the clients' listener. */
    private static void awaitLogin(Admin admin, Instant deadline) throws InterruptedException {
        while (true) {
            try {
                admin.describeCluster().nodes().get();
                return;
            }
            catch (ExecutionException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The Kafka broker did not accept its administrator's login: "
                            + e.getCause().getMessage(), e.getCause());
                }
                Thread.sleep(100);
            }
        }
    }

    /** How clients reach this broker, and each principal's login. */
    public KafkaClients clients() {
        return clients;
    }

    public String bootstrapServers() {
        return clients.bootstrapServers();
    }

    /**
     * Stops the broker, waiting at most 5 s: the launcher must stop within seconds on Ctrl-C or
     * SIGTERM (its clients are gone by then; the log is flushed at every write by then). A broker
     * that takes longer is left to the JVM's exit; it recovers its log at the next start.
     */
    @Override
    public void close() {
        if (!stop(Duration.ofSeconds(5))) {
            System.err.println("Kafka broker still stopping after 5 s: leaving it to the exit");
        }
    }

    /**
     * Stops the broker and waits for it at most {@code wait}; answers whether it is stopped (its
     * ports and log folder free for a new start).
     */
    boolean stop(Duration wait) {
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
