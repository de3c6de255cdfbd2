package fr.relocmatch.launcher;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.function.Supplier;

import fr.relocmatch.issuer.client.Tokens;

import tools.jackson.databind.JsonNode;

/**
 * Starts RelocMatch on this machine: the Kafka broker, the MongoDB wire-protocol server, the SMTP
 * server, the four services, then loads the demo data and shows the matches and e-mails. State
 * lives in {@code ./data}; Ctrl-C stops everything.
 */
public final class LocalLauncher {

    private LocalLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("relocmatch.root", ".")).toAbsolutePath().normalize();
        Path data = root.resolve(System.getProperty("relocmatch.data", "data"));
        int kafkaPort = Integer.getInteger("relocmatch.kafka.port", 9092);
        int mongoPort = Integer.getInteger("relocmatch.mongo.port", 27017);
        int smtpPort = Integer.getInteger("relocmatch.smtp.port", 3025);
        int issuerPort = Integer.getInteger("relocmatch.issuer.port", 8090);
        Map<String, Integer> ports = new HashMap<>(Services.DEFAULT_PORTS);
        ports.replaceAll((name, port) -> Integer.getInteger("relocmatch." + name + ".port", port));
        int consolePort = Integer.getInteger("relocmatch.adviser-console.port", Services.CONSOLE_PORT);
        ports.put("adviser-console", consolePort);

        long started = System.nanoTime();
        say("RelocMatch — local run. State in " + data);
        LocalKafka kafka = LocalKafka.start(data.resolve("kafka"), kafkaPort, kafkaPort + 1,
                KafkaAccess.read(root.resolve("kafka").resolve("access.txt")));
        say("  Kafka broker (KRaft)        " + kafka.bootstrapServers() + " (SASL SCRAM-SHA-512; logins in "
                + data.resolve("kafka-clients") + ")");
        LocalMongo mongo = LocalMongo.start(data.resolve("mongo").resolve("relocmatch.mv"), mongoPort);
        say("  MongoDB wire protocol (H2)  " + mongo.uri());
        LocalMail mail = LocalMail.start(data.resolve("mail"), smtpPort);
        say("  SMTP server                 127.0.0.1:" + mail.port() + " (copies in " + mail.mailDir() + ")");
        say("Starting the OpenID Connect issuer, the four services and the adviser console (logs in " + data.resolve("logs") + ") ...");
        // its signing key kept in the data folder: tokens stay valid across restarts
        ServiceProcess issuer = ServiceProcess.start(root, "identity-issuer", issuerPort,
                Map.of("relocmatch.issuer.key-file", data.resolve("issuer-key.json").toString()), data.resolve("logs"));
        Access access = new Access(issuer.baseUrl().replace("localhost", "127.0.0.1"),
                Access.linkKey(data.resolve("link-keys")));
        Services services;
        ServiceProcess console;
        try {
            issuer.awaitHealthy(Duration.ofMinutes(3));
            services = Services.start(root, ports, kafka.clients(), mongo.uri(), mail.port(), access,
                    data.resolve("logs"), Duration.ofMinutes(3));
            console = services.startConsole(root, consolePort, access, data.resolve("logs"), Duration.ofMinutes(3));
        }
        catch (RuntimeException e) {
            issuer.close();
            mail.close();
            mongo.close();
            kafka.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("Stopping ...");
            services.close();
            issuer.close();
            mail.close();
            mongo.close();
            kafka.close();
            say("Stopped.");
        }, "relocmatch-stop"));
        say(String.format("  %-22s %s", "identity-issuer", access.issuerUri()));
        for (String name : Services.NAMES) {
            say(String.format("  %-22s http://localhost:%d", name, ports.get(name)));
        }
        say(String.format("  %-22s %s", "adviser-console", console.baseUrl()));
        Tokens tokens = new Tokens(access.issuerUri());

        String matching = services.baseUrl("matching-service");
        String notifications = services.baseUrl("notification-service");
        String demandId;
        try {
            demandId = DemoData.load(services.baseUrl("company-service"), services.baseUrl("demand-service"),
                    data.resolve("demo-demand.id"), tokens.person(DemoPeople.LOADER, DemoPeople.PASSWORD));
        }
        catch (RuntimeException e) {
            // The broker's threads would keep this JVM alive: stop everything (shutdown hook) and say why.
            System.err.println("Demo data could not be loaded: " + e.getMessage());
            System.exit(1);
            return;
        }
        say("Demo data loaded: 5 SMEs, 1 group, demand \"" + DemoData.DEMAND_TITLE + "\" (" + demandId + ")");

        String demandAdviser = tokens.person(DemoPeople.DEMAND_ADVISER, DemoPeople.PASSWORD);
        JsonNode matches = poll(() -> DemoData.json(DemoData.get(matching + "/api/v1/matches?demandId=" + demandId,
                demandAdviser).body()),
                list -> list.size() >= 1, Duration.ofSeconds(60));
        say("Matches for the demand:");
        for (JsonNode match : matches) {
            JsonNode km = match.path("distanceKm");
            say(String.format(Locale.ROOT, "  #%d %-34s score %.2f  %8s  %s", match.get("rank").asInt(),
                    match.get("companyName").asString(), match.get("score").asDouble(),
                    km.isNumber() ? String.format(Locale.ROOT, "%.1f km", km.asDouble()) : "", match.get("status").asString()));
            for (JsonNode part : match.get("rank").asInt() == 1 ? match.get("explanation") : List.<JsonNode>of()) {
                say("       " + part.get("name").asString() + ": " + part.get("note").asString());
            }
        }
        // each match e-mails two advisers (the demand's and the supplier's), once: a restart sends nothing again
        Instant runStarted = Instant.now().minusNanos(System.nanoTime() - started);
        // each adviser reads their own e-mails: the demand's adviser and the SMEs' adviser
        List<String> recipients = List.of(demandAdviser, tokens.person(DemoPeople.SME_ADVISER, DemoPeople.PASSWORD));
        JsonNode sent = poll(() -> aboutDemand(recipients.stream().flatMap(token -> DemoData.json(DemoData.get(
                notifications + "/api/v1/notifications?status=SENT", token).body()).valueStream()).toList(), demandId),
                list -> list.size() >= 2 * matches.size(), Duration.ofSeconds(60));
        List<JsonNode> thisRun = sent.valueStream()
                .filter(email -> Instant.parse(email.get("sentAt").asString()).isAfter(runStarted)).toList();
        if (thisRun.isEmpty()) {
            say("E-mails about the demand: none this run (" + sent.size() + " sent by an earlier run)");
        }
        else {
            say("E-mails about the demand sent this run (" + thisRun.size() + "):");
        }
        for (JsonNode email : thisRun) {
            say("  to " + email.get("recipient").asString() + ": " + email.get("subject").asString());
        }
        say("Read them as .eml files in " + mail.mailDir() + ".");
        say("Demo people (password \"" + DemoPeople.PASSWORD + "\") and partner:");
        for (DemoPeople.Person person : DemoPeople.ALL) {
            say(String.format("  %-22s %s", person.login(), person.what()));
        }
        say("Adviser console: " + console.baseUrl() + " — sign in as " + DemoPeople.DEMAND_ADVISER
                + " (password \"" + DemoPeople.PASSWORD + "\") and open the demand: " + console.baseUrl() + "/demands/" + demandId);
        say("Every API call needs a token (health, reference data and API documents aside). Try:");
        say("  TOKEN=$(scripts/token.sh " + DemoPeople.DEMAND_ADVISER + ")");
        say("  curl -H \"Authorization: Bearer $TOKEN\" '" + matching + "/api/v1/matches?demandId=" + demandId + "'");
        say("  curl -H \"Authorization: Bearer $TOKEN\" " + notifications + "/api/v1/notifications");
        say("Kafka lets in only who logs in: the partner's login (see docs/partners.md) and the others are in "
                + root.relativize(data.resolve("kafka-clients")) + ", e.g.");
        say("  kcat -F " + root.relativize(data.resolve("kafka-clients").resolve("partner-demo.conf"))
                + " -C -t relocmatch.partner.outcomes.v1 -o beginning -e");
        say(String.format(Locale.ROOT, "Ready in %.0f s. Ctrl-C stops everything.", (System.nanoTime() - started) / 1e9));
        new CountDownLatch(1).await();
    }

    private static JsonNode poll(Supplier<JsonNode> read, Predicate<JsonNode> ready, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = read.get();
        while (!ready.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            last = read.get();
        }
        return last;
    }

    /** The e-mails of a list that are about the given demand. */
    private static JsonNode aboutDemand(List<JsonNode> emails, String demandId) {
        ArrayNode about = JsonNodeFactory.instance.arrayNode();
        emails.stream().filter(email -> demandId.equals(email.path("demandId").asString(""))).forEach(about::add);
        return about;
    }

    private static void say(String line) {
        System.out.println(line);
    }

}
