package fr.relocmatch.launcher;

import fr.relocmatch.testinfra.MailText;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import fr.relocmatch.issuer.client.Tokens;
import fr.relocmatch.testinfra.JsonApi;

import org.junit.jupiter.api.Test;

/**
 * The local run as a newcomer or a service manager runs it: the launcher's executable jar started,
 * stopped with SIGTERM sent to its process alone (as {@code kill PID} or systemd does), started
 * again on the same data folder, and stopped again. Each stop takes at most 15 s and leaves no
 * service process behind; the restart rebuilds matching's index without announcing any match again.
 */
class LocalRunIT {

    private static final Duration STOP_WITHIN = Duration.ofSeconds(15);

    private final Path data = Path.of("target/local-run-" + UUID.randomUUID()).toAbsolutePath();
    private final int matchingPort = RunningServices.freePort();
    private final int demandPort = RunningServices.freePort();
    private final int notificationPort = RunningServices.freePort();
    private final int issuerPort = RunningServices.freePort();
    private final int consolePort = RunningServices.freePort();
    private final List<String> ports = List.of(
            "-Drelocmatch.kafka.port=" + pair(),
            "-Drelocmatch.mongo.port=" + RunningServices.freePort(),
            "-Drelocmatch.smtp.port=" + RunningServices.freePort(),
            "-Drelocmatch.company-service.port=" + RunningServices.freePort(),
            "-Drelocmatch.demand-service.port=" + demandPort,
            "-Drelocmatch.matching-service.port=" + matchingPort,
            "-Drelocmatch.notification-service.port=" + notificationPort,
            "-Drelocmatch.issuer.port=" + issuerPort,
            "-Drelocmatch.adviser-console.port=" + consolePort);

    @Test
    void stopsWithinSecondsOnSigtermAndARestartAnnouncesNothingTwice() throws Exception {
        Process first = start("first.log");
        List<String> emails = await().atMost(Duration.ofSeconds(60)).until(this::mailFolder, files -> files.size() >= 4);
        Matcher demand = Pattern.compile("Demo data loaded: .*\\(([0-9a-f-]{36})\\)")
                .matcher(log("first.log"));
        assertThat(demand.find()).as(log("first.log")).isTrue();
        String demandId = demand.group(1);
        List<String> matches = matches(demandId);
        assertThat(matches).hasSizeGreaterThanOrEqualTo(2);
        // every demo person and partner the run lists gets a token; without one, the API refuses
        for (DemoPeople.Person person : DemoPeople.ALL) {
            assertThat(log("first.log")).contains(person.login());
            assertThat(token(person.login())).as(person.login()).isNotBlank();
        }
        assertThat(new JsonApi("http://127.0.0.1:" + matchingPort).get("/api/v1/matches?demandId=" + demandId).status())
                .isEqualTo(401);
        // the console runs, the run says where and as whom to sign in, and the e-mails' links lead there
        String console = "http://127.0.0.1:" + consolePort;
        assertThat(log("first.log")).contains("Adviser console: " + console + " — sign in as conseiller.normandie")
                .contains(console + "/demands/" + demandId);
        assertThat(new JsonApi(console).get("/actuator/health").status()).isEqualTo(200);
        assertThat(mailText(emails.getFirst())).contains(console + "/matches/").contains(console + "/preferences?token=")
                .doesNotContain("/api/v1/");
        // another demand with the demo's title (a partner's, an adviser's): newer, so listed first
        assertThat(DemoData.createDemand("http://127.0.0.1:" + demandPort, DemoData.demand(), token(DemoPeople.LOADER))
                .statusCode()).isEqualTo(201);
        String link = preferencesLink(emails.getFirst());
        String tokenBeforeRestart = token(DemoPeople.DEMAND_ADVISER);
        // Kafka logins drawn on first start, kept in the data folder, one kcat file per login
        String kafkaPasswords = Files.readString(data.resolve("kafka-credentials.properties"));
        assertThat(Files.readString(data.resolve("kafka-clients/partner-demo.conf"))).contains("sasl.username=partner-demo");
        assertThat(serviceLogs()).as("rebalance noise in the service logs").doesNotContain("Not updating high watermark");
        stopWithSigterm(first);

        Process second = start("second.log");
        await().atMost(Duration.ofSeconds(60)).until(() -> log("second.log").contains("E-mails about the demand"));
        assertThat(log("second.log")).as("the restart shows the same demo demand and this run's e-mails")
                .contains("(" + demandId + ")").contains("E-mails about the demand: none this run (4 sent by an earlier run)");
        // the restarted services have replayed the topics and checked the demand against what is stored
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
                .until(() -> mailFolder().equals(emails) && matches(demandId).equals(matches));
        // the key of the links in e-mails is kept in the data folder: a link sent before the restart still opens
        assertThat(new JsonApi("http://127.0.0.1:" + notificationPort).get("/api/v1/preferences?token=" + link).status())
                .isEqualTo(200);
        // so is the issuer's signing key: a token from before the restart is still accepted
        assertThat(new JsonApi("http://127.0.0.1:" + matchingPort).as(tokenBeforeRestart)
                .get("/api/v1/matches?demandId=" + demandId).status()).isEqualTo(200);
        assertThat(Files.readString(data.resolve("kafka-credentials.properties"))).isEqualTo(kafkaPasswords);
        stopWithSigterm(second);
    }

    private Process start(String logName) throws IOException {
        Files.createDirectories(data);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ports);
        command.add("-Drelocmatch.root=" + Path.of("").toAbsolutePath().getParent());
        command.add("-Drelocmatch.data=" + data);
        command.add("-jar");
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            command.add(jars.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst().orElseThrow()
                    .toAbsolutePath().toString());
        }
        Process launcher = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve(logName).toFile()).start();
        // the launcher starts a broker, MongoDB, SMTP and four services: about a minute, more on a busy machine
        await().atMost(Duration.ofMinutes(6)).until(() -> log(logName).contains("Ready in") || !launcher.isAlive());
        assertThat(launcher.isAlive()).as(log(logName)).isTrue();
        return launcher;
    }

    private static void stopWithSigterm(Process launcher) throws InterruptedException {
        List<ProcessHandle> services = launcher.descendants().toList();
        assertThat(services).as("the four services").hasSizeGreaterThanOrEqualTo(4);
        long started = System.nanoTime();
        launcher.destroy(); // SIGTERM to the launcher's process alone
        assertThat(launcher.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)).as("stopped within " + STOP_WITHIN)
                .isTrue();
        assertThat(services).as("no service left running").noneMatch(ProcessHandle::isAlive);
        System.out.printf("Local run stopped in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** A demo person's or partner's token from the run's issuer. */
    private String token(String login) {
        Tokens tokens = new Tokens("http://127.0.0.1:" + issuerPort);
        return login.startsWith("partner-") ? tokens.partner(login, login + "-secret")
                : tokens.person(login, DemoPeople.PASSWORD);
    }

    /** The text of an e-mail of the mail folder. */
    private String mailText(String emailFile) throws Exception {
        try (var in = Files.newInputStream(data.resolve("mail").resolve(emailFile))) {
            return MailText.plain(new MimeMessage(null, in));
        }
    }

    /** The signed preferences link in an e-mail of the mail folder. */
    private String preferencesLink(String emailFile) throws Exception {
        String text = mailText(emailFile);
        Matcher link = Pattern.compile("preferences\\?token=([A-Za-z0-9_.-]+)").matcher(text);
        assertThat(link.find()).as(emailFile).isTrue();
        return link.group(1);
    }

    /** Every match as id, version and status: a restart that re-decides them changes the versions. */
    private List<String> matches(String demandId) {
        return new JsonApi("http://127.0.0.1:" + matchingPort).as(token(DemoPeople.DEMAND_ADVISER))
                .get("/api/v1/matches?demandId=" + demandId).json()
                .valueStream()
                .map(m -> m.get("id").asString() + "@" + m.get("version").asLong() + " " + m.get("status").asString())
                .sorted().toList();
    }

    private List<String> mailFolder() throws IOException {
        Path mail = data.resolve("mail");
        if (!Files.isDirectory(mail)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(mail)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String serviceLogs() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> logs = Files.list(data.resolve("logs"))) {
            for (Path log : logs.toList()) {
                all.append(Files.readString(log, StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private String log(String name) throws IOException {
        Path file = data.resolve(name);
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    /** A free port whose next one is free too (the broker's controller listens there). */
    private static int pair() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = RunningServices.freePort();
            try (ServerSocket next = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
                return port;
            }
            catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no two consecutive free ports");
    }
}
