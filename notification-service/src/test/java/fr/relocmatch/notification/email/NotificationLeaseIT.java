package fr.relocmatch.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A backlog of pending e-mails (an SMTP outage, a crash) worked off by several runs of the retry
 * job at once — as two instances of notification-service, or a run overlapping the consumer, would:
 * each e-mail is claimed (a lease taken atomically) before it is sent, so each goes out once.
 */
// the test drives the runs; no provider quota between the backlog and the test's SMTP server
@SpringBootTest(properties = { "relocmatch.notification.retry-interval=PT1H",
        "resilience4j.ratelimiter.instances.smtp.limit-for-period=1000" })
@WithSharedInfrastructure
@DirtiesContext
class NotificationLeaseIT {

    @Autowired
    Notifier notifier;

    @MockitoSpyBean
    NotificationRepository repository;

    @Autowired
    MongoTemplate mongo;

    @Test
    void concurrentRetryRunsSendEachPendingEmailOnce() throws Exception {
        List<NotificationDocument> backlog = backlog(40);

        int runs = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            done.add(pool.submit(() -> {
                start.await();
                notifier.retryPending();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : done) {
            run.get();
        }
        pool.shutdown();

        Set<String> ids = backlog.stream().map(NotificationDocument::getId).collect(Collectors.toSet());
        assertThat(repository.findAllById(ids)).extracting(NotificationDocument::getStatus)
                .containsOnly(NotificationStatus.SENT).hasSize(40);
        Map<String, Long> copies = Arrays.stream(SharedInfrastructure.get().smtp().getReceivedMessages())
                .filter(m -> subject(m).contains(backlog.getFirst().getMatchId().replaceAll("-0$", "-")))
                .collect(Collectors.groupingBy(NotificationLeaseIT::messageId, Collectors.counting()));
        assertThat(copies).hasSize(40);
        assertThat(copies.values()).as("copies received per Message-ID").containsOnly(1L);
    }

    /**
     * The SMTP server accepted an e-mail but the database refused its SENT outcome (MongoDB
     * unreachable): the outcome is written once the database answers, and the e-mail is not sent
     * again — not by the next retry run, nor once its lease has run out.
     */
    @Test
    void anEmailSentWhileTheDatabaseRefusesItsOutcomeIsRecordedLaterAndNotSentAgain() {
        String matchId = "unrecorded-" + UUID.randomUUID();
        MatchNotice notice = new MatchNotice(matchId, 1, "PROPOSED", "d-" + matchId, "Demande", "Groupe",
                "acheteurs@cci.fr", "c-1", "Atelier", "pme@cci.fr", 0.8, 1, 12.0, List.of(), null, null, null);
        NotificationDocument pending = repository.insert(new NotificationDocument("pme@cci.fr", "PROPOSED", notice,
                new ComposedEmail("Mise en relation " + matchId, "Texte", "<p>x</p>"), "fr", Instant.now().minusSeconds(60)));
        doThrow(new DataAccessResourceFailureException("MongoDB unreachable")).when(repository)
                .save(argThat((NotificationDocument n) -> n.getId().equals(pending.getId())));

        catchThrowable(notifier::retryPending); // sends; the SENT outcome is refused (a scheduled run only logs a throw)
        reset(repository); // the database answers again
        assertThat(repository.findById(pending.getId())).get().extracting(NotificationDocument::getStatus)
                .isEqualTo(NotificationStatus.PENDING);
        // the claimant's lease runs out while the database is away
        mongo.updateFirst(query(where("_id").is(pending.getId())),
                new Update().set("leaseUntil", Instant.now().minusSeconds(1)), NotificationDocument.class);
        notifier.retryPending();

        assertThat(repository.findById(pending.getId())).get().extracting(NotificationDocument::getStatus)
                .isEqualTo(NotificationStatus.SENT);
        assertThat(Arrays.stream(SharedInfrastructure.get().smtp().getReceivedMessages())
                .filter(m -> subject(m).contains(matchId))).as("copies received").hasSize(1);
    }

    @Test
    void oneRetryRunSendsABacklogLargerThanItsBatch() {
        int size = Notifier.BATCH + Notifier.BATCH / 2;
        List<NotificationDocument> backlog = backlog(size);

        notifier.retryPending();

        assertThat(repository.findAllById(backlog.stream().map(NotificationDocument::getId).toList()))
                .extracting(NotificationDocument::getStatus).hasSize(size).containsOnly(NotificationStatus.SENT);
    }

    /** Pending e-mails of proposed matches, due a minute ago, stored. */
    private List<NotificationDocument> backlog(int size) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<NotificationDocument> backlog = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            MatchNotice notice = new MatchNotice("lease-" + batch + "-" + i, 1, "PROPOSED", "d-" + batch, "Demande", "Groupe",
                    "acheteurs@cci.fr", "c-" + i, "Atelier " + i, "pme@cci.fr", 0.8, 1, 12.0, List.of(), null, null, null);
            backlog.add(new NotificationDocument("pme@cci.fr", "PROPOSED", notice,
                    new ComposedEmail("Mise en relation " + notice.matchId(), "Texte " + notice.matchId(), "<p>x</p>"), "fr",
                    Instant.now().minusSeconds(60)));
        }
        repository.insert(backlog);
        return backlog;
    }

    private static String subject(MimeMessage message) {
        return get(message, MimeMessage::getSubject);
    }

    private static String messageId(MimeMessage message) {
        return get(message, MimeMessage::getMessageID);
    }

    private static String get(MimeMessage message, MessagingFunction<String> read) {
        try {
            return read.apply(message);
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    interface MessagingFunction<T> {
        T apply(MimeMessage message) throws MessagingException;
    }
}
