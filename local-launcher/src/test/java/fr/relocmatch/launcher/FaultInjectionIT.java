package fr.relocmatch.launcher;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.springframework.util.FileSystemUtils;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.MailText;
import fr.relocmatch.testinfra.TopicProbe;
import fr.relocmatch.testinfra.TopicWriter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

/**
 * The fault-injection suite: the whole of RelocMatch on the embedded infrastructure — the Kafka
 * broker, the MongoDB wire-protocol server and the SMTP server restartable on their ports and
 * data, every service its own process, two instances of matching-service and of
 * notification-service — fed through the partner inboxes with the evaluation set's profiles and
 * demands repeated (up to 5 000 profiles and 200 demands) while, in turn, each service is SIGKILLed and
 * restarted, the broker stops, SMTP is down for 60 s, MongoDB for 30 s, and 1 000 malformed
 * records land on every consumed topic. It prints one line per scenario and fails on any loss or
 * duplicate: the final rankings must equal those of an instance that never saw a fault, every
 * proposed match must reach each adviser in charge once (counted on the SMTP server, by
 * recipient and Message-ID), no partition may stay behind, and every malformed record must be in
 * each consumer's dead-letter topic with its reason. Sizes: {@code -Drelocmatch.faults.profiles},
 * {@code .demands}, {@code .poison}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT {

    // The full load in ./mvnw verify (CI: 2 cores, the suite within about 10 minutes — docs/reliability.md
    // keeps each run's time); smaller with -Drelocmatch.faults.profiles=400 -Drelocmatch.faults.demands=16
    // -Drelocmatch.faults.smtp-outage-seconds=30 while working on the suite itself.
    private static final int PROFILES = Integer.getInteger("relocmatch.faults.profiles", 5000);
    private static final int DEMANDS = Integer.getInteger("relocmatch.faults.demands", 200);
    /** Long enough for retries to fail, the circuit to open and e-mails to pile up PENDING. */
    private static final Duration SMTP_OUTAGE = Duration.ofSeconds(Long.getLong("relocmatch.faults.smtp-outage-seconds", 60));
    private static final int POISON = Integer.getInteger("relocmatch.faults.poison", 1000);
    private static final String PARTNER = "urn:relocmatch:partner:fault-suite";
    private static final KafkaAccess ACCESS = KafkaAccess.read(Path.of("").toAbsolutePath().getParent()
            .resolve("kafka/access.txt"));
    private static final Duration START = Duration.ofMinutes(4);
    private static final Pattern MATCH_LINK = Pattern.compile("/matches/([0-9a-f-]{36})");

    /** The CloudEvents type each consumed topic carries. */
    private static final Map<String, String> TYPES = Map.of(
            "relocmatch.partner.companies.v1", "fr.relocmatch.partner.CompanyProfileSubmitted.v1",
            "relocmatch.partner.demands.v1", "fr.relocmatch.partner.DemandSubmitted.v1",
            "relocmatch.partner.match-outcomes.v1", "fr.relocmatch.partner.MatchOutcomeSubmitted.v1",
            "relocmatch.companies.v1", "fr.relocmatch.company.CompanyProfileUpdated.v1",
            "relocmatch.demands.v1", "fr.relocmatch.demand.DemandUpdated.v1",
            "relocmatch.decisions.v1", "fr.relocmatch.matching.MatchDecided.v1",
            "relocmatch.matches.v1", "fr.relocmatch.matching.MatchProposed.v1",
            "relocmatch.reminders.v1", "fr.relocmatch.matching.ProfileReminder.v1");

    /** Each consumed topic, and the dead-letter topic of every service consuming it. */
    private static final Map<String, List<String>> CONSUMERS = Map.of(
            "relocmatch.partner.companies.v1", List.of("relocmatch.partner.companies.v1.dlq"),
            "relocmatch.partner.demands.v1", List.of("relocmatch.partner.demands.v1.dlq"),
            "relocmatch.partner.match-outcomes.v1", List.of("relocmatch.partner.match-outcomes.v1.dlq"),
            "relocmatch.companies.v1", List.of("relocmatch.demand.dlq.v1", "relocmatch.matching.dlq.v1"),
            "relocmatch.demands.v1", List.of("relocmatch.matching.dlq.v1"),
            "relocmatch.decisions.v1", List.of("relocmatch.demand.dlq.v1"),
            "relocmatch.matches.v1", List.of("relocmatch.notification.dlq.v1"),
            "relocmatch.reminders.v1", List.of("relocmatch.notification.dlq.v1"));

    private final Path projectRoot = Path.of("").toAbsolutePath().getParent();
    /** The broker's log: kept after the run (a broker still stopping may write). */
    private final Path data = projectRoot.resolve("local-launcher/target/fault-data");
    private final Path logs = projectRoot.resolve("local-launcher/target/fault-logs");

    private final int kafkaPort = RunningServices.freePort();
    private final int controllerPort = RunningServices.freePort();
    private final int mongoPort = RunningServices.freePort();
    private final int smtpPort = RunningServices.freePort();
    private LocalKafka kafka;
    private LocalMongo mongo;
    private GreenMail smtp;
    /** Every e-mail the SMTP server received, across its restarts. */
    private final List<Received> received = new ArrayList<>();

    private final Map<String, Instance> instances = new LinkedHashMap<>();
    private final List<String> report = new ArrayList<>();
    private FaultLoad load;
    private int sentProfiles;
    private int sentDemands;

    /** One received copy of an e-mail. */
    record Received(String messageId, String recipient, String matchId) {
    }

    /** A service instance, restartable on its port with its properties. */
    private final class Instance {
        final String key;
        final String service;
        final int port = RunningServices.freePort();
        final Map<String, String> properties;
        ServiceProcess process;
        int starts;

        Instance(String key, String service, Map<String, String> properties) {
            this.key = key;
            this.service = service;
            this.properties = properties;
        }

        void start() {
            startTogether(List.of(this));
        }

        void kill() {
            process.kill();
            process = null;
        }

        JsonApi api() {
            // the région's referent reads every ranking and every e-mail's delivery
            return Callers.api("http://127.0.0.1:" + port, Callers.REFERENT);
        }
    }

    /** Starts instances of different services at once and waits until each is healthy. */
    private void startTogether(List<Instance> group) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        group.forEach(instance -> ports.put(instance.service, instance.port));
        int start = group.stream().mapToInt(instance -> ++instance.starts).max().orElse(1);
        Services services = Services.start(projectRoot, ports, kafka.clients(), mongo.uri(), smtpPort,
                Callers.access(), logs.resolve(group.stream().map(instance -> instance.key).reduce((a, b) -> a + "+" + b).orElseThrow() + "-" + start),
                START, name -> group.stream().filter(instance -> instance.service.equals(name)).findFirst().orElseThrow().properties);
        for (Instance instance : group) {
            instance.process = services.processes().stream().filter(p -> p.name().equals(instance.service)).findFirst()
                    .orElseThrow();
        }
    }

    @AfterAll
    void stop() {
        // the checks are done: killed, each gone at once, rather than seven graceful stops (up to 8 s each)
        instances.values().stream().filter(i -> i.process != null).forEach(i -> i.process.kill());
        if (smtp != null) {
            smtp.stop();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (kafka != null) {
            kafka.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void nothingIsLostAndNothingSentTwiceUnderCrashesOutagesAndPoison() throws Exception {
        FileSystemUtils.deleteRecursively(data);
        FileSystemUtils.deleteRecursively(logs);
        kafka = LocalKafka.start(data.resolve("kafka"), kafkaPort, controllerPort, ACCESS);
        // in memory, answering lookups from indexes as MongoDB does: the stock server scans a
        // collection for each query (the H2 file's, deserialising every document), which would be
        // what the suite measures (see docs/reliability.md)
        mongo = LocalMongo.inMemory(mongoPort);
        startSmtp();
        // relays every second, and a dead consumer's partitions handed over after 10 s (45 s by default)
        Map<String, String> relay = Map.of("relocmatch.relay.interval", "PT1S", "relocmatch.relay.grace", "PT1S",
                "spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms", "10000");
        Map<String, String> notification = new HashMap<>(relay);
        notification.put("relocmatch.notification.retry-interval", "PT5S");
        // the local SMTP server takes what it is given: no provider's hourly quota to respect
        notification.put("resilience4j.ratelimiter.instances.smtp.limit-for-period", "200");
        // an open circuit tries the server again after 5 s (30 s by default): the outage is felt the same way
        notification.put("resilience4j.circuitbreaker.instances.smtp.wait-duration-in-open-state", "5s");
        // the e-mails a killed instance had claimed go to another after 45 s (2 minutes by default): still
        // longer than the MongoDB outage, which the lease must outlast for a sent e-mail not to go twice
        notification.put("relocmatch.notification.lease", "PT45S");
        instances.put("company", new Instance("company", "company-service", relay));
        instances.put("demand", new Instance("demand", "demand-service", relay));
        instances.put("matching-a", new Instance("matching-a", "matching-service", relay));
        instances.put("matching-b", new Instance("matching-b", "matching-service", relay));
        instances.put("notification-a", new Instance("notification-a", "notification-service", notification));
        instances.put("notification-b", new Instance("notification-b", "notification-service", notification));
        Phases start = new Phases();
        // the six at once (one launch per instance of a service, hence two groups)
        CompletableFuture<Void> secondInstances = CompletableFuture.runAsync(
                () -> startTogether(List.of(instances.get("matching-b"), instances.get("notification-b"))));
        startTogether(List.of(instances.get("company"), instances.get("demand"), instances.get("matching-a"),
                instances.get("notification-a")));
        secondInstances.join();
        start.end("six instances started");

        load = new FaultLoad(new EvaluationSet(), PROFILES, DEMANDS);
        CompletableFuture<Instance> referenceStarted;
        // the partner writes as the partner principal; malformed records on the services' own topics need the administrator
        try (TopicWriter partner = new TopicWriter(kafka.clients().properties("partner-demo"));
                TopicWriter operator = new TopicWriter(kafka.clients().properties(KafkaAccess.ADMIN));
                ConsumerLag lag = new ConsumerLag(kafka.clients().properties(KafkaAccess.ADMIN))) {
            partner.sendAll(load.groups.stream().map(FaultInjectionIT::record).toList());
            settle(lag);
            start.end("buyer groups settled");
            System.out.println("fault timings  | start | " + start);

            int slices = 8;
            scenario("company-service SIGKILLed, restarted", partner, lag, slices, true,
                    () -> instances.get("company").kill(), () -> instances.get("company").start());
            scenario("demand-service SIGKILLed, restarted", partner, lag, slices, true,
                    () -> instances.get("demand").kill(), () -> instances.get("demand").start());
            scenario("matching-service: one of two SIGKILLed, the other takes over, restarted", partner, lag, slices,
                    true, () -> instances.get("matching-a").kill(), () -> {
                        settle(lag); // the survivor alone
                        instances.get("matching-a").start();
                    });
            scenario("notification-service: one of two SIGKILLed, the other takes over, restarted", partner, lag,
                    slices, true, () -> instances.get("notification-a").kill(), () -> {
                        settle(lag);
                        instances.get("notification-a").start();
                    });
            scenario("Kafka broker stopped, restarted", partner, lag, slices, false, () -> {
                assertThat(kafka.stop(Duration.ofSeconds(60))).as("broker stopped").isTrue();
            }, () -> kafka = LocalKafka.start(data.resolve("kafka"), kafkaPort, controllerPort, ACCESS));
            scenario("SMTP server down for " + SMTP_OUTAGE.toSeconds() + " s", partner, lag, slices, true, this::stopSmtp, () -> {
                holdUntil(SMTP_OUTAGE, () -> pending() > 0, "e-mails waiting for the SMTP server");
                startSmtp();
            });
            scenario("MongoDB unreachable for 30 s", partner, lag, slices, true, () -> mongo.disconnect(), () -> {
                holdUntil(Duration.ofSeconds(30), () -> true, "MongoDB down");
                mongo.reconnect();
            });
            // the reference starts with the last scenario, reading the topics while the région works
            AtomicReference<CompletableFuture<Instance>> reference = new AtomicReference<>();
            scenario(POISON + " malformed records on each of the " + CONSUMERS.size() + " consumed topics", partner, lag,
                    slices, true, () -> {
                        poison(operator);
                        reference.set(startReference());
                    }, () -> {
                    });
            referenceStarted = reference.get();
        }

        report.forEach(System.out::println);
        Phases end = new Phases();
        verifyFinalState(referenceStarted);
        end.end("final state verified");
        System.out.println("fault timings  | end | " + end);
        report.forEach(System.out::println);
    }

    /**
     * Streams one slice of the load: half of it, the fault, the other half (during the fault when
     * the broker is up, after it otherwise), the recovery; then waits until every consumer caught up
     * and reports the submissions lost so far, the e-mails duplicated so far and the time from the
     * recovery to a settled system.
     */
    private void scenario(String name, TopicWriter partner, ConsumerLag lag, int slices, boolean sendDuringFault,
            Runnable fault, Runnable recovery) {
        int profilesTo = Math.min(load.profiles.size(), sentProfiles + divide(load.profiles.size(), slices));
        int demandsTo = Math.min(load.demands.size(), sentDemands + divide(load.demands.size(), slices));
        int profilesHalf = (sentProfiles + profilesTo) / 2;
        int demandsHalf = (sentDemands + demandsTo) / 2;
        Phases phases = new Phases();
        send(partner, profilesHalf, demandsHalf);
        phases.end("first half sent");
        fault.run();
        phases.end("fault");
        if (sendDuringFault) {
            send(partner, profilesTo, demandsTo);
            phases.end("second half sent");
        }
        recovery.run();
        phases.end("recovery");
        Instant recovered = Instant.now();
        if (!sendDuringFault) {
            send(partner, profilesTo, demandsTo);
            phases.end("second half sent");
        }
        settle(lag);
        phases.end("settled");
        long seconds = Duration.between(recovered, Instant.now()).toSeconds();
        System.out.println("fault timings  | " + name + " | " + phases);
        Lost lost = lost();
        List<String> duplicated = duplicatedEmails();
        report.add(String.format(Locale.ROOT,
                "fault scenario | %-72s | submitted %4d profiles %3d demands | lost %d profiles %d demands | duplicated e-mails %d | recovered in %d s",
                name, sentProfiles, sentDemands, lost.profiles, lost.demands, duplicated.size(), seconds));
        System.out.println(report.getLast());
        assertThat(lost.profiles + lost.demands).as(name + ": submissions lost").isZero();
        assertThat(duplicated).as(name + ": e-mails received twice").isEmpty();
    }

    /** How long each step of a scenario took, for finding where the suite's time goes. */
    private static final class Phases {
        private final List<String> ended = new ArrayList<>();
        private Instant last = Instant.now();

        void end(String phase) {
            Instant now = Instant.now();
            ended.add(String.format(Locale.ROOT, "%s %.1f s", phase, Duration.between(last, now).toMillis() / 1000.0));
            last = now;
        }

        @Override
        public String toString() {
            return String.join(", ", ended);
        }
    }

    private static int divide(int total, int parts) {
        return (total + parts - 1) / parts;
    }

    /** The next submissions up to these counts, as a partner's batch job sends them: all in flight, profiles first. */
    private void send(TopicWriter partner, int profilesTo, int demandsTo) {
        // profiles first: a demand's buyer group is known already, and its suppliers mostly
        partner.sendAll(load.profiles.subList(sentProfiles, profilesTo).stream().map(FaultInjectionIT::record).toList());
        sentProfiles = profilesTo;
        partner.sendAll(load.demands.subList(sentDemands, demandsTo).stream().map(FaultInjectionIT::record).toList());
        sentDemands = demandsTo;
    }

    private static ProducerRecord<String, String> record(FaultLoad.Submission submission) {
        String type = submission.topic().equals(FaultLoad.PROFILES_INBOX) ? "fr.relocmatch.partner.CompanyProfileSubmitted.v1"
                : "fr.relocmatch.partner.DemandSubmitted.v1";
        return TopicWriter.record(submission.topic(), submission.id(), submission.body().toString(),
                Map.of("ce_id", submission.id(), "ce_source", PARTNER, "ce_type", type, "ce_specversion", "1.0",
                        "content-type", "application/json"));
    }

    /**
     * Waits until every consumer group with members has read every partition to its end, the end
     * offsets stayed the same over three polls a second apart (longer than the relays' and the e-mail
     * outcomes' intervals: they had nothing more to publish), and no
     * e-mail waits to be sent.
     */
    private void settle(ConsumerLag lag) {
        AtomicReference<ConsumerLag.Snapshot> last = new AtomicReference<>();
        int[] unchanged = {0};
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .conditionEvaluationListener(condition -> {
                    if (condition.getRemainingTimeInMS() <= 0 && last.get() != null) {
                        System.out.println("not settled: behind " + last.get().behind() + ", pending e-mails " + pending());
                    }
                })
                .until(() -> {
                    ConsumerLag.Snapshot now = lag.snapshot();
                    ConsumerLag.Snapshot before = last.getAndSet(now);
                    boolean quiet = now.caughtUp() && before != null && now.ends().equals(before.ends()) && pending() == 0;
                    unchanged[0] = quiet ? unchanged[0] + 1 : 0;
                    return unchanged[0] >= 3;
                });
    }

    /** E-mails recorded but not sent yet (or due again), as notification-service lists them. */
    private int pending() {
        for (Instance instance : List.of(instances.get("notification-a"), instances.get("notification-b"))) {
            if (instance.process != null) {
                JsonApi.Response response = instance.api().get("/api/v1/notifications?status=PENDING");
                if (response.status() == 200) {
                    return response.json().size();
                }
            }
        }
        throw new IllegalStateException("no notification-service instance answers");
    }

    /** Waits at least {@code outage}, and until the condition shows the outage was felt. */
    private static void holdUntil(Duration outage, Callable<Boolean> felt, String what) {
        Instant end = Instant.now().plus(outage);
        await(what).atMost(outage.plusMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Instant.now().isAfter(end) && felt.call());
    }

    private record Lost(int profiles, int demands) {
    }

    /** Submissions acknowledged by the broker and missing from the state topics. */
    private Lost lost() {
        Map<String, JsonNode> companies = latest("relocmatch.companies.v1");
        Set<String> sirets = new HashSet<>();
        companies.values().forEach(profile -> sirets.add(profile.path("siret").asString("")));
        int profiles = (int) load.profiles.subList(0, sentProfiles).stream()
                .filter(p -> !sirets.contains(p.body().get("siret").asString())).count();
        Map<String, Long> titles = new HashMap<>();
        latest("relocmatch.demands.v1").values().stream().filter(d -> "OPEN".equals(d.path("status").asString("")))
                .forEach(d -> titles.merge(d.path("title").asString(""), 1L, Long::sum));
        List<FaultLoad.Submission> missing = new ArrayList<>(load.profiles.subList(0, sentProfiles).stream()
                .filter(p -> !sirets.contains(p.body().get("siret").asString())).toList());
        load.demands.subList(0, sentDemands).stream().filter(d -> titles.getOrDefault(d.label(), 0L) != 1L)
                .forEach(missing::add);
        if (!missing.isEmpty()) {
            Set<String> ids = new HashSet<>();
            missing.forEach(m -> ids.add(m.id()));
            try (TopicProbe outcomes = new TopicProbe(kafka.clients().properties(KafkaAccess.ADMIN), "relocmatch.partner.outcomes.v1")) {
                outcomes.seenToTheEnd(Duration.ofMinutes(1)).stream()
                        .filter(r -> ids.contains(JsonApi.parse(r.value()).path("correlationId").asString("")))
                        .forEach(r -> System.out.println("outcome of a lost submission: " + r.value()));
            }
            missing.forEach(m -> System.out.println("lost: " + m.id() + " " + m.label() + " (open copies: "
                    + titles.get(m.label()) + ")"));
        }
        return new Lost(profiles, missing.size() - profiles);
    }

    /** The latest readable value of each key of a state topic. */
    private Map<String, JsonNode> latest(String topic) {
        Map<String, JsonNode> latest = new HashMap<>();
        try (TopicProbe probe = new TopicProbe(kafka.clients().properties(KafkaAccess.ADMIN), topic)) {
            for (ConsumerRecord<String, String> record : probe.seenToTheEnd(Duration.ofMinutes(1))) {
                if (record.value() == null) {
                    latest.remove(record.key());
                    continue;
                }
                try {
                    JsonNode value = JsonApi.parse(record.value());
                    if (value.isObject()) {
                        latest.put(record.key(), value);
                    }
                }
                catch (RuntimeException malformed) {
                    // the suite's own poison records
                }
            }
        }
        return latest;
    }

    /** (recipient, Message-ID) and (recipient, match) pairs the SMTP server received more than once. */
    private List<String> duplicatedEmails() {
        List<Received> all = allReceived();
        Map<String, Integer> copies = new TreeMap<>();
        for (Received email : all) {
            copies.merge(email.recipient() + " " + email.messageId(), 1, Integer::sum);
        }
        Map<String, Set<String>> idsPerMatch = new TreeMap<>();
        for (Received email : all) {
            idsPerMatch.computeIfAbsent(email.recipient() + " match " + email.matchId(), k -> new HashSet<>())
                    .add(email.messageId());
        }
        List<String> duplicates = new ArrayList<>();
        copies.forEach((key, count) -> {
            if (count > 1) {
                duplicates.add(key + " ×" + count);
            }
        });
        idsPerMatch.forEach((key, ids) -> {
            if (ids.size() > 1) {
                duplicates.add(key + " in " + ids.size() + " e-mails");
            }
        });
        return duplicates;
    }

    private void startSmtp() {
        smtp = PromptSmtpServer.on(smtpPort);
        smtp.start();
    }

    /** Stops the SMTP server, then keeps what it received — up to the last message it accepted. */
    private synchronized void stopSmtp() {
        Managers store = smtp.getManagers();
        smtp.stop();
        smtp = null;
        received.addAll(read(store.getImapHostManager().getAllMessages().stream()
                .map(StoredMessage::getMimeMessage).toArray(MimeMessage[]::new)));
    }

    private synchronized List<Received> allReceived() {
        List<Received> all = new ArrayList<>(received);
        if (smtp != null) {
            all.addAll(read(smtp.getReceivedMessages()));
        }
        return all;
    }

    private static List<Received> read(MimeMessage[] messages) {
        List<Received> read = new ArrayList<>();
        for (MimeMessage message : messages) {
            try {
                Matcher link = MATCH_LINK.matcher(MailText.plain(message));
                for (var recipient : message.getRecipients(RecipientType.TO)) {
                    read.add(new Received(message.getMessageID(), recipient.toString().toLowerCase(Locale.ROOT),
                            link.find(0) ? link.group(1) : "digest"));
                }
            }
            catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return read;
    }

    /**
     * {@code POISON} records on every consumed topic, keyed {@code poison-<topic>-<n>}: not JSON,
     * JSON of another shape, JSON missing every field, and a JSON array, in turn, with the headers
     * of the topic's own event type.
     */
    private void poison(TopicWriter writer) {
        List<String> bodies = List.of("{\"companyId\": oops", "{\"version\": \"not a number\", \"status\": 42}", "{}",
                "[1, 2, 3]");
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (String topic : CONSUMERS.keySet()) {
            for (int i = 0; i < POISON; i++) {
                records.add(TopicWriter.record(topic, "poison-" + topic + "-" + i, bodies.get(i % bodies.size()),
                        Map.of("ce_id", "poison-" + i, "ce_source", PARTNER, "ce_type", TYPES.get(topic),
                                "ce_specversion", "1.0", "content-type", "application/json")));
            }
        }
        writer.sendAll(records);
    }

    /**
     * Starts the instance the final rankings are checked against: a matching-service of its own
     * (its consumer groups, database and output topics are no service's; it logs in as the
     * administrator) that reads the topics from their beginning and lives through no fault.
     */
    private CompletableFuture<Instance> startReference() {
        Map<String, String> referenceProperties = new HashMap<>(kafka.clients().springProperties(KafkaAccess.ADMIN));
        referenceProperties.putAll(Map.of(
                "spring.application.name", "matching-reference",
                "spring.mongodb.database", "relocmatch-matching-reference",
                "spring.cloud.stream.bindings.matches-out-0.destination", "relocmatch.reference.matches.v1",
                "spring.cloud.stream.bindings.decisions-out-0.destination", "relocmatch.reference.decisions.v1",
                // the partners' inbox stays the région's: the reference answers none of their messages
                "spring.cloud.stream.bindings.partnerMatchOutcomes-in-0.destination", "relocmatch.reference.partner.match-outcomes.v1"));
        Instance reference = new Instance("matching-reference", "matching-service", referenceProperties);
        instances.put(reference.key, reference);
        return CompletableFuture.supplyAsync(() -> {
            reference.start();
            return reference;
        });
    }

    /**
     * After the last scenario: every malformed record dead-lettered with its reason by each of its
     * consumers, the rankings equal to those of an instance that read the final topics without any
     * fault, and every proposed match e-mailed once to each adviser in charge.
     */
    private void verifyFinalState(CompletableFuture<Instance> referenceStarted) throws IOException {
        Map<String, Set<String>> deadLettered = new HashMap<>();
        for (String dlq : CONSUMERS.values().stream().flatMap(List::stream).distinct().toList()) {
            try (TopicProbe probe = new TopicProbe(kafka.clients().properties(KafkaAccess.ADMIN), dlq)) {
                for (ConsumerRecord<String, String> record : probe.seenToTheEnd(Duration.ofMinutes(1))) {
                    Map<String, String> headers = TopicProbe.headers(record);
                    boolean reason = !headers.getOrDefault("x-exception-message", headers.getOrDefault("x-relocmatch-reason", ""))
                            .isBlank();
                    if (reason && record.key() != null && record.key().startsWith("poison-")) {
                        deadLettered.computeIfAbsent(dlq, k -> new HashSet<>()).add(record.key());
                    }
                }
            }
        }
        Map<String, Integer> missingFromDeadLetters = new TreeMap<>();
        CONSUMERS.forEach((topic, dlqs) -> dlqs.forEach(dlq -> {
            int missing = 0;
            for (int i = 0; i < POISON; i++) {
                if (!deadLettered.getOrDefault(dlq, Set.of()).contains("poison-" + topic + "-" + i)) {
                    missing++;
                }
            }
            missingFromDeadLetters.put(topic + " → " + dlq, missing);
        }));

        // the rankings of the région's instances, and of one that reads the final topics alone
        Map<String, String> demandIds = new LinkedHashMap<>();
        latest("relocmatch.demands.v1").forEach((id, demand) -> demandIds.put(demand.path("title").asString(""), id));
        Map<String, String> ids = new LinkedHashMap<>();
        load.demands.forEach(d -> ids.put(d.label(), demandIds.get(d.label())));
        // both read at once: each waits for its rankings to stay the same over three polls
        CompletableFuture<Map<String, List<String>>> referenceRankings = referenceStarted
                .thenApplyAsync(reference -> EvaluationSet.settledRankings(reference.api(), ids, Function.identity()));
        Map<String, List<String>> survivors = EvaluationSet.settledRankings(instances.get("matching-b").api(), ids,
                Function.identity());
        Map<String, List<String>> alone = referenceRankings.join();
        int differing = (int) alone.keySet().stream().filter(k -> !alone.get(k).equals(survivors.get(k))).count();

        // every match proposed at the end: one e-mail to each of its two advisers
        Map<String, String> adviserOfCompany = new HashMap<>();
        load.profiles.forEach(p -> adviserOfCompany.put(p.label(), p.adviser()));
        Map<String, String> adviserOfDemand = new HashMap<>();
        load.demands.forEach(d -> adviserOfDemand.put(d.label(), d.adviser()));
        Map<String, Integer> emailsPerRecipientAndMatch = new HashMap<>();
        allReceived().forEach(r -> emailsPerRecipientAndMatch.merge(r.recipient() + " " + r.matchId(), 1, Integer::sum));
        int expected = 0;
        List<String> notEmailed = new ArrayList<>();
        JsonApi matching = instances.get("matching-b").api();
        for (String demandId : ids.values()) {
            for (JsonNode match : matching.get("/api/v1/matches?demandId=" + demandId).json()) {
                if (!"PROPOSED".equals(match.get("status").asString())) {
                    continue;
                }
                for (String adviser : Set.of(adviserOfDemand.get(match.get("demandTitle").asString()),
                        adviserOfCompany.get(match.get("companyName").asString()))) {
                    expected++;
                    if (!emailsPerRecipientAndMatch.containsKey(adviser + " " + match.get("id").asString())) {
                        notEmailed.add(adviser + " " + match.get("id").asString());
                    }
                }
            }
        }
        List<String> duplicated = duplicatedEmails();
        report.add(String.format(Locale.ROOT,
                "fault suite final    | rankings of %d demands differing from a fault-free instance: %d | e-mails received %d; proposed at the end: expected %d, lost %d; duplicated %d | malformed records not dead-lettered: %s",
                alone.size(), differing, allReceived().size(), expected, notEmailed.size(), duplicated.size(),
                missingFromDeadLetters));
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("report.txt"), String.join(System.lineSeparator(), report) + System.lineSeparator(),
                StandardCharsets.UTF_8);

        assertThat(alone.values()).allMatch(ranking -> !ranking.isEmpty());
        assertThat(survivors).as("rankings after the faults").isEqualTo(alone);
        assertThat(notEmailed).as("proposed matches an adviser in charge was never e-mailed").isEmpty();
        assertThat(duplicated).as("e-mails received twice").isEmpty();
        assertThat(missingFromDeadLetters.values()).as("malformed records missing from the dead-letter topics: "
                + missingFromDeadLetters).allMatch(missing -> missing == 0);
    }
}
