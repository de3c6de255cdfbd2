package fr.relocmatch.load;

import fr.relocmatch.launcher.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import fr.relocmatch.launcher.KafkaAccess;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the local stack under load and measures it, in one run (see docs/benchmarks.md, "Under load"):
 * <ol>
 * <li>profiles: {@code --groups} buyer groups and {@code --profiles} supplier profiles published on
 * the partner inbox as fast as the broker takes them; company-service's acceptance rate and
 * matching-service's ingest rate (its {@code relocmatch.matching.profiles} gauge) — and a plain
 * consumer reading the same companies topic, for comparison;</li>
 * <li>demands: opened on the partner inbox at {@code --rate} per second for {@code --duration}; for
 * each, the time from its opening (the {@code OPEN} record on the demands topic) to its first
 * {@code MatchProposed} on the matches topic, both by record timestamp — beside the broker's own
 * produce → consume latency on a probe topic, measured meanwhile on the same broker; e-mails per
 * second through SMTP;</li>
 * <li>restart: matching-service stopped and started again — time to answer, time to read every
 * profile back, its live heap (after a full collection) against the heap it had before any profile.</li>
 * </ol>
 * Writes {@code report.json} and {@code report.md} into {@code --out}.
 */
public final class LoadDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PARTNER = "/partners/load-driver";
    private static final String PROFILE_INBOX = "relocmatch.partner.companies.v1";
    private static final String DEMAND_INBOX = "relocmatch.partner.demands.v1";
    private static final String PROBE = "relocmatch.load.probe";

    /** What to run. */
    record Options(int profiles, int groups, double rate, Duration duration, int probeRate, long seed, boolean restart,
            boolean profilesViaTopic, Path root, Path out) {

        static Options parse(String... args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            Set<String> known = Set.of("profiles", "groups", "rate", "duration", "probe-rate", "seed", "restart",
                    "profiles-via", "root", "out");
            String via = given.getOrDefault("profiles-via", "inbox");
            if (!via.equals("inbox") && !via.equals("topic")) {
                throw new IllegalArgumentException("--profiles-via is inbox or topic, not " + via);
            }
            for (String name : given.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name + "; known: " + known);
                }
            }
            Path root = Path.of(given.getOrDefault("root", ".")).toAbsolutePath().normalize();
            return new Options(Integer.parseInt(given.getOrDefault("profiles", "100000")),
                    Integer.parseInt(given.getOrDefault("groups", "50")),
                    Double.parseDouble(given.getOrDefault("rate", "100")),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("duration", "60"))),
                    Integer.parseInt(given.getOrDefault("probe-rate", "100")),
                    Long.parseLong(given.getOrDefault("seed", "1")),
                    Boolean.parseBoolean(given.getOrDefault("restart", "true")), via.equals("topic"), root,
                    root.resolve(given.getOrDefault("out", "load-driver/target/load-run")));
        }
    }

    private LoadDriver() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        // the services as production runs them: the JIT in full (the local launcher stops at C1 for a quick start)
        if (System.getProperty("relocmatch.services.jvm-options") == null) {
            System.setProperty("relocmatch.services.jvm-options", "-XX:+UseSerialGC");
        }
        Map<String, Object> report = run(options);
        System.out.println(markdown(report));
        System.exit(0); // the broker's threads would keep the JVM alive
    }

    /** Runs the whole measurement; answers the report (also written to {@code --out}). */
    static Map<String, Object> run(Options options) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("machine", machine());
        report.put("options", Map.of("profiles", options.profiles(), "groups", options.groups(), "rate", options.rate(),
                "durationSeconds", options.duration().toSeconds(), "probeRate", options.probeRate(), "seed", options.seed(),
                "profilesVia", options.profilesViaTopic() ? "topic" : "inbox"));
        report.put("matchingHeapLimit", LoadStack.matchingHeapLimit());
        report.put("servicesJvmOptions", String.join(" ", ServiceProcess.jvmOptions()));
        say("Starting the local stack in " + options.out().resolve("stack") + " ...");
        try (LoadStack stack = LoadStack.start(options.root(), options.out().resolve("stack"))) {
            long emptyHeap = stack.matchingLiveHeap();
            report.put("matchingHeapBeforeProfilesBytes", emptyHeap);
            SyntheticLoad load = new SyntheticLoad(options.seed());
            ProfilesLoaded profiles = loadProfiles(stack, load, options);
            report.put("profiles", profiles.report());
            report.put("plainConsumer", plainConsumer(stack, options.groups() + options.profiles()));
            report.put("demands", openDemands(stack, load, options, profiles.buyersUpTo()));
            if (options.restart()) {
                report.put("restart", restart(stack, options, emptyHeap));
            }
        }
        write(options.out(), report);
        return report;
    }

    // ------------------------------------------------------------------ profiles

    /** What the profile phase measured, and where the companies topic ended once the buyers were in. */
    private record ProfilesLoaded(Map<String, Object> report, Map<TopicPartition, Long> buyersUpTo) {
    }

    private static ProfilesLoaded loadProfiles(LoadStack stack, SyntheticLoad load, Options options) {
        int total = options.groups() + options.profiles();
        int throughInbox = options.profilesViaTopic() ? options.groups() : total;
        say("Publishing " + options.groups() + " groups on " + PROFILE_INBOX + " and " + options.profiles() + " profiles on "
                + (options.profilesViaTopic() ? "relocmatch.companies.v1 (as company-service writes them)" : PROFILE_INBOX)
                + " ...");
        Outcomes outcomes = Outcomes.follow(stack);
        long started = System.nanoTime();
        AtomicLong matchingDoneAt = new AtomicLong();
        Map<TopicPartition, Long> buyersUpTo;
        long profilesStarted;
        try (KafkaProducer<String, String> producer = producer(stack, "partner-demo")) {
            for (int i = 0; i < options.groups(); i++) {
                submit(producer, PROFILE_INBOX, "group-" + i, load.group(i));
            }
            // demands name these buyers: let the services know them first
            outcomes.await(options.groups(), LoadStack.START);
            buyersUpTo = endOffsets(stack, "relocmatch.companies.v1");
            profilesStarted = System.nanoTime();
            if (!options.profilesViaTopic()) {
                for (int i = 0; i < options.profiles(); i++) {
                    submit(producer, PROFILE_INBOX, "profile-" + i, load.profile(i));
                }
            }
            producer.flush();
        }
        if (options.profilesViaTopic()) {
            try (KafkaProducer<String, String> producer = producer(stack, KafkaAccess.ADMIN)) {
                for (int i = 0; i < options.profiles(); i++) {
                    Map<String, Object> event = load.profileEvent(i, "28");
                    ProducerRecord<String, String> record = new ProducerRecord<>("relocmatch.companies.v1",
                            (String) event.get("companyId"), JSON.writeValueAsString(event));
                    Map.of("ce_id", (String) event.get("eventId"), "ce_source", "/company-service/28", "ce_type",
                            "fr.relocmatch.company.CompanyProfileUpdated.v1", "ce_specversion", "1.0", "content-type",
                            "application/json").forEach((name, value) -> record.headers().add(name,
                                    value.getBytes(StandardCharsets.UTF_8)));
                    producer.send(record);
                }
                producer.flush();
            }
        }
        long published = System.nanoTime();
        long lastProgress = System.nanoTime();
        double indexed = 0;
        while (outcomes.count() < throughInbox || indexed < total) {
            double now = stack.metrics("matching-service").sum("relocmatch_matching_profiles", null);
            if (now > indexed || outcomes.changed()) {
                lastProgress = System.nanoTime();
            }
            indexed = now;
            if (indexed >= total && matchingDoneAt.get() == 0) {
                matchingDoneAt.set(System.nanoTime());
            }
            if (System.nanoTime() - lastProgress > Duration.ofMinutes(2).toNanos()) {
                throw new IllegalStateException("no progress for 2 minutes: " + outcomes.count() + " outcomes, "
                        + indexed + " profiles indexed of " + total);
            }
            LoadStack.pause(Duration.ofMillis(250));
        }
        long accepted = outcomes.accepted();
        outcomes.close();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("published", total);
        result.put("publishSeconds", seconds(published - started));
        result.put("throughTheInbox", throughInbox);
        result.put("accepted", accepted);
        result.put("rejected", throughInbox - accepted);
        result.put("acceptedPerSecond", throughInbox / seconds(outcomes.lastAt() - started));
        // from the first profile sent to the last one indexed
        result.put("profilesIndexedPerSecond", options.profiles() / seconds(matchingDoneAt.get() - profilesStarted));
        result.put("allIndexedAfterSeconds", seconds(matchingDoneAt.get() - profilesStarted));
        say(String.format(Locale.ROOT, "  published in %.1f s; accepted %d (%.0f/s); matching-service indexed the profiles %.1f s after the first was sent (%.0f/s)",
                seconds(published - started), accepted, result.get("acceptedPerSecond"), seconds(matchingDoneAt.get() - profilesStarted),
                result.get("profilesIndexedPerSecond")));
        return new ProfilesLoaded(result, buyersUpTo);
    }

    /** A consumer that does nothing but read the companies topic from its start. */
    private static Map<String, Object> plainConsumer(LoadStack stack, int expected) {
        Map<String, Object> properties = new LinkedHashMap<>(stack.kafka().properties(KafkaAccess.ADMIN));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        long read = 0;
        long started = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = partitions(consumer, "relocmatch.companies.v1");
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        double elapsed = seconds(System.nanoTime() - started);
        say(String.format(Locale.ROOT, "  a plain consumer read the companies topic (%d records) in %.2f s (%.0f/s)", read, elapsed,
                read / elapsed));
        return Map.of("records", read, "seconds", elapsed, "perSecond", read / elapsed, "expectedAtLeast", expected);
    }

    // ------------------------------------------------------------------ demands

    private static Map<String, Object> openDemands(LoadStack stack, SyntheticLoad load, Options options,
            Map<TopicPartition, Long> buyersUpTo) {
        int count = (int) Math.round(options.rate() * options.duration().toSeconds());
        say(String.format(Locale.ROOT, "Opening %d demands at %.0f/s on %s, the broker probed at %d/s ...", count,
                options.rate(), DEMAND_INBOX, options.probeRate()));
        Map<String, Long> openedAt = new ConcurrentHashMap<>();
        Map<String, Long> firstProposalAt = new ConcurrentHashMap<>();
        Latencies broker = new Latencies();
        AtomicBoolean running = new AtomicBoolean(true);
        createProbeTopic(stack);
        awaitConsumed(stack, "demand-service", buyersUpTo); // it knows every buyer
        CountDownLatch positioned = new CountDownLatch(2);
        Thread watcher = Thread.ofPlatform().name("load-watch")
                .start(() -> watch(stack, running, positioned, openedAt, firstProposalAt));
        Thread probeReader = Thread.ofPlatform().name("load-probe-read").start(() -> readProbe(stack, running, positioned, broker));
        await(positioned);
        Thread probeWriter = Thread.ofPlatform().name("load-probe-write").start(() -> writeProbe(stack, running, options.probeRate()));
        int emailsBefore = stack.emailsReceived();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(stack, "partner-demo")) {
            for (int i = 0; i < count; i++) {
                long due = started + (long) (i * 1e9 / options.rate());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LoadStack.pause(Duration.ofNanos(wait));
                }
                submit(producer, DEMAND_INBOX, "demand-" + i, load.demand(i, options.groups()));
            }
        }
        double sendSeconds = seconds(System.nanoTime() - started);
        // every demand opened, and a quiet spell with no new proposal: what will be proposed is
        long quietSince = System.nanoTime();
        int proposals = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline
                && (openedAt.size() < count || System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos())) {
            if (firstProposalAt.size() != proposals) {
                proposals = firstProposalAt.size();
                quietSince = System.nanoTime();
            }
            LoadStack.pause(Duration.ofMillis(200));
        }
        running.set(false);
        join(watcher, probeReader, probeWriter);
        Latencies toFirstMatch = new Latencies();
        openedAt.forEach((demand, opened) -> {
            Long proposed = firstProposalAt.get(demand);
            if (proposed != null) {
                toFirstMatch.add(Math.max(0, proposed - opened));
            }
        });
        int emails = stack.emailsReceived() - emailsBefore;
        LoadStack.Metrics matching = stack.metrics("matching-service");
        double rankings = matching.sum("relocmatch_matching_ranking_seconds_count", null);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("submitted", count);
        result.put("submitSeconds", sendSeconds);
        result.put("opened", openedAt.size());
        result.put("withAProposal", toFirstMatch.count());
        result.put("openedToFirstProposalMs", latencies(toFirstMatch));
        result.put("brokerProduceToConsumeMs", latencies(broker));
        result.put("p99OverBrokerP99", broker.percentile(0.99) > 0
                ? (double) toFirstMatch.percentile(0.99) / broker.percentile(0.99) : null);
        // where the time goes inside matching-service: ranking one demand against the index
        result.put("rankings", rankings);
        result.put("rankingMeanMs", 1000 * matching.sum("relocmatch_matching_ranking_seconds_sum", null) / Math.max(1, rankings));
        result.put("rankingMaxMs", 1000 * matching.sum("relocmatch_matching_ranking_seconds_max", null));
        result.put("emails", emails);
        result.put("emailsPerSecond", emails / sendSeconds);
        say("  opened " + openedAt.size() + ", with a proposal " + toFirstMatch.count() + "; opened → first proposal "
                + toFirstMatch.summary() + "; broker produce → consume " + broker.summary() + "; e-mails " + emails);
        return result;
    }

    /** Follows the demands and matches topics from their current end. */
    private static void watch(LoadStack stack, AtomicBoolean running, CountDownLatch positioned, Map<String, Long> openedAt,
            Map<String, Long> firstProposalAt) {
        try (KafkaConsumer<String, String> consumer = consumer(stack)) {
            List<TopicPartition> partitions = new ArrayList<>(partitions(consumer, "relocmatch.demands.v1"));
            partitions.addAll(partitions(consumer, "relocmatch.matches.v1"));
            fromTheEnd(consumer, partitions, positioned);
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    if (record.value() == null) {
                        continue;
                    }
                    JsonNode body = JSON.readTree(record.value());
                    String demand = body.path("demandId").asString(null);
                    if (demand == null) {
                        continue;
                    }
                    if (record.topic().equals("relocmatch.demands.v1") && "OPEN".equals(body.path("status").asString(null))) {
                        openedAt.putIfAbsent(demand, record.timestamp());
                    }
                    else if (record.topic().equals("relocmatch.matches.v1")
                            && "fr.relocmatch.matching.MatchProposed.v1".equals(header(record, "ce_type"))) {
                        firstProposalAt.putIfAbsent(demand, record.timestamp());
                    }
                }
            }
        }
    }

    private static void createProbeTopic(LoadStack stack) {
        try (Admin admin = Admin.create(stack.kafka().properties(KafkaAccess.ADMIN))) {
            admin.createTopics(List.of(new NewTopic(PROBE, 1, (short) 1))).all().get();
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot create " + PROBE, e);
        }
    }

    /** Records stamped at send; the reader measures when it gets them. */
    private static void writeProbe(LoadStack stack, AtomicBoolean running, int perSecond) {
        try (KafkaProducer<String, String> producer = producer(stack, KafkaAccess.ADMIN)) {
            long started = System.nanoTime();
            for (long i = 0; running.get(); i++) {
                long wait = started + (long) (i * 1e9 / perSecond) - System.nanoTime();
                if (wait > 0) {
                    LoadStack.pause(Duration.ofNanos(wait));
                }
                producer.send(new ProducerRecord<>(PROBE, "probe", Long.toString(i)));
            }
        }
    }

    private static void readProbe(LoadStack stack, AtomicBoolean running, CountDownLatch positioned, Latencies latencies) {
        try (KafkaConsumer<String, String> consumer = consumer(stack)) {
            fromTheEnd(consumer, partitions(consumer, PROBE), positioned);
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    latencies.add(Math.max(0, System.currentTimeMillis() - record.timestamp()));
                }
            }
        }
    }

    /** The end offsets of a topic's partitions, now. */
    private static Map<TopicPartition, Long> endOffsets(LoadStack stack, String topic) {
        try (KafkaConsumer<String, String> consumer = consumer(stack)) {
            return consumer.endOffsets(partitions(consumer, topic));
        }
    }

    /** Waits until the consumer groups of a service have committed these offsets. */
    private static void awaitConsumed(LoadStack stack, String service, Map<TopicPartition, Long> end) {
        Set<TopicPartition> partitions = end.keySet();
        try (Admin admin = Admin.create(stack.kafka().properties(KafkaAccess.ADMIN))) {
            long deadline = System.nanoTime() + LoadStack.START.toNanos();
            while (System.nanoTime() < deadline) {
                List<String> groups = admin.listGroups().all().get().stream().map(g -> g.groupId())
                        .filter(id -> id.startsWith(service)).toList();
                boolean consumed = !groups.isEmpty();
                for (String group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    consumed &= partitions.stream().allMatch(p -> end.get(p) == 0
                            || committed.get(p) != null && committed.get(p).offset() >= end.get(p));
                }
                if (consumed) {
                    return;
                }
                LoadStack.pause(Duration.ofMillis(200));
            }
        }
        catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException(service + " has not read " + end + " after " + LoadStack.START);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(LoadStack.START.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("consumers not positioned after " + LoadStack.START);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ restart

    private static Map<String, Object> restart(LoadStack stack, Options options, long emptyHeap) {
        say("Restarting matching-service ...");
        LoadStack.RestartTimes times = stack.restartMatching();
        double indexed = stack.metrics("matching-service").sum("relocmatch_matching_profiles", null);
        int expected = options.groups() + options.profiles();
        long deadline = System.nanoTime() + LoadStack.START.toNanos();
        while (indexed < expected && System.nanoTime() < deadline) {
            LoadStack.pause(Duration.ofMillis(250));
            indexed = stack.metrics("matching-service").sum("relocmatch_matching_profiles", null);
        }
        long heap = stack.matchingLiveHeap();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("answeredAfterSeconds", times.toAnswer().toMillis() / 1000.0);
        result.put("catchUpSeconds", times.catchUp().toMillis() / 1000.0);
        result.put("profilesIndexed", indexed);
        result.put("catchUpPerSecond", indexed / Math.max(0.001, times.catchUp().toMillis() / 1000.0));
        result.put("liveHeapBytes", heap);
        result.put("heapPerProfileBytes", (heap - emptyHeap) / Math.max(1.0, indexed));
        say(String.format(Locale.ROOT, "  answered after %.1f s, read %,.0f profiles back in %.1f s; live heap %,d bytes (%.0f bytes per profile)",
                times.toAnswer().toMillis() / 1000.0, indexed, times.catchUp().toMillis() / 1000.0, heap,
                result.get("heapPerProfileBytes")));
        return result;
    }

    // ------------------------------------------------------------------ plumbing

    private static void submit(KafkaProducer<String, String> producer, String topic, String id, Map<String, Object> body) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, id, JSON.writeValueAsString(body));
        String type = topic.equals(PROFILE_INBOX) ? "fr.relocmatch.partner.CompanyProfileSubmitted.v1"
                : "fr.relocmatch.partner.DemandSubmitted.v1";
        Map.of("ce_id", id, "ce_source", PARTNER, "ce_type", type, "ce_specversion", "1.0", "content-type",
                "application/json").forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    static KafkaProducer<String, String> producer(LoadStack stack, String principal) {
        Map<String, Object> properties = new LinkedHashMap<>(stack.kafka().properties(principal));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(properties);
    }

    static KafkaConsumer<String, String> consumer(LoadStack stack) {
        Map<String, Object> properties = new LinkedHashMap<>(stack.kafka().properties(KafkaAccess.ADMIN));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(properties);
    }

    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        long deadline = System.nanoTime() + LoadStack.START.toNanos();
        while (System.nanoTime() < deadline) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            LoadStack.pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException("no topic " + topic);
    }

    /** Reads these partitions from their current end on, and says so once positioned. */
    private static void fromTheEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions, CountDownLatch positioned) {
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        positioned.countDown();
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> latencies(Latencies latencies) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", latencies.count());
        result.put("p50", latencies.percentile(0.5));
        result.put("p99", latencies.percentile(0.99));
        result.put("max", latencies.max());
        return result;
    }

    private static void join(Thread... threads) {
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30));
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return machine;
    }

    private static double seconds(long nanos) {
        return Math.max(1, nanos) / 1e9;
    }

    private static void write(Path out, Map<String, Object> report) {
        try {
            Files.createDirectories(out);
            Files.writeString(out.resolve("report.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
            Files.writeString(out.resolve("report.md"), markdown(report));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> report) {
        StringBuilder text = new StringBuilder("| measure | value |\n| --- | --- |\n");
        flatten("", report, text);
        return text.toString();
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, StringBuilder text) {
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + key + ".", (Map<String, Object>) nested, text);
            }
            else {
                text.append("| ").append(prefix).append(key).append(" | ")
                        .append(value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : value).append(" |\n");
            }
        });
    }

    private static void say(String line) {
        System.out.println(line);
    }

    /** Follows the partner outcomes topic from its start, counting this driver's outcomes. */
    private static final class Outcomes implements AutoCloseable {

        private final AtomicInteger count = new AtomicInteger();
        private final AtomicInteger accepted = new AtomicInteger();
        private final AtomicLong lastAt = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private int seen;

        private Outcomes(LoadStack stack) {
            thread = Thread.ofPlatform().name("load-outcomes").start(() -> {
                try (KafkaConsumer<String, String> consumer = consumer(stack)) {
                    List<TopicPartition> partitions = partitions(consumer, "relocmatch.partner.outcomes.v1");
                    consumer.assign(partitions);
                    consumer.seekToBeginning(partitions);
                    while (running.get()) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                            JsonNode outcome = JSON.readTree(record.value());
                            if (!PARTNER.equals(outcome.path("source").asString(null))) {
                                continue;
                            }
                            count.incrementAndGet();
                            lastAt.set(System.nanoTime());
                            if ("ACCEPTED".equals(outcome.path("outcome").asString(null))) {
                                accepted.incrementAndGet();
                            }
                        }
                    }
                }
            });
        }

        static Outcomes follow(LoadStack stack) {
            return new Outcomes(stack);
        }

        int count() {
            return count.get();
        }

        long accepted() {
            return accepted.get();
        }

        long lastAt() {
            return lastAt.get();
        }

        boolean changed() {
            int now = count.get();
            boolean changed = now != seen;
            seen = now;
            return changed;
        }

        void await(int outcomes, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count.get() < outcomes) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + count.get() + " of " + outcomes + " outcomes after " + timeout);
                }
                LoadStack.pause(Duration.ofMillis(100));
            }
        }

        @Override
        public void close() {
            running.set(false);
            join(thread);
        }
    }
}
