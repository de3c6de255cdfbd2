package fr.relocmatch.notification.email;

import fr.relocmatch.testinfra.ContractAssertions;
import fr.relocmatch.testinfra.MailText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TopicProbe;
import fr.relocmatch.testinfra.TopicWriter;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The SMTP server goes away for more than 30 seconds: every e-mail waits in MongoDB, the circuit
 * opens, the consumer keeps consuming; when the server is back each e-mail is sent exactly once
 * and the circuit closes.
 */
@SpringBootTest(properties = {
        "relocmatch.notification.retry-interval=PT1S",
        "relocmatch.notification.max-backoff=PT4S",
        "resilience4j.retry.instances.smtp.wait-duration=100ms",
        "resilience4j.circuitbreaker.instances.smtp.wait-duration-in-open-state=3s",
        "relocmatch.relay.interval=PT1S",
        "relocmatch.relay.grace=PT1S"})
@WithSharedInfrastructure
@DirtiesContext
class SmtpOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Autowired
    NotificationRepository repository;

    @Autowired
    SmtpGateway smtp;

    @Test
    void sendsEveryPendingEmailOnceWhenTheSmtpServerComesBack() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        List<String> matches = new ArrayList<>();
        try (TopicWriter writer = TopicWriter.onSharedBroker();
                TopicProbe outcomes = TopicProbe.on("relocmatch.notification-status.v1")) {
            infrastructure.stopSmtp();
            try {
                for (int i = 0; i < 3; i++) {
                    matches.add(publish(writer));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> pending(matches) == 6);
                await().atMost(Duration.ofSeconds(30)).until(() -> smtp.circuitState() == CircuitBreaker.State.OPEN);

                // Through the outage nothing is sent, failed or lost...
                await().during(OUTAGE).atMost(OUTAGE.plusSeconds(10)).until(() -> pending(matches) == 6);
                // ...and the consumer still takes new matches.
                for (int i = 0; i < 2; i++) {
                    matches.add(publish(writer));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> pending(matches) == 10);
                // Each was tried, or held back by the open circuit, and says why it waits.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(repository.findAll())
                        .filteredOn(n -> matches.contains(n.getMatchId()))
                        .allSatisfy(n -> assertThat(n.getLastError()).isNotBlank()));
            }
            finally {
                infrastructure.startSmtp();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> sent(matches) == 10);
            List<MimeMessage> received = Arrays.stream(infrastructure.smtp().getReceivedMessages())
                    .filter(m -> matches.stream().anyMatch(id -> text(m).contains(id))).toList();
            assertThat(received).hasSize(10);
            assertThat(received.stream().map(m -> recipient(m) + "|" + matchIn(m, matches)).distinct()).hasSize(10);
            await().atMost(Duration.ofSeconds(30)).until(() -> smtp.circuitState() == CircuitBreaker.State.CLOSED);

            for (String matchId : matches) {
                outcomes.await(r -> matchId.equals(r.key())
                        && NotificationOutcomes.SENT.equals(TopicProbe.headers(r).get("ce_type")), Duration.ofSeconds(30));
            }
            ContractAssertions.assertConform(outcomes.seen());
        }
    }

    private String publish(TopicWriter writer) {
        String matchId = UUID.randomUUID().toString();
        MatchNotices.publish(writer, "MatchProposed", matchId, 0, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        return matchId;
    }

    private long pending(List<String> matches) {
        return count(matches, NotificationStatus.PENDING);
    }

    private long sent(List<String> matches) {
        return count(matches, NotificationStatus.SENT);
    }

    private long count(List<String> matches, NotificationStatus status) {
        return repository.findAll().stream().filter(n -> matches.contains(n.getMatchId()))
                .filter(n -> n.getStatus() == status).count();
    }

    private static String text(MimeMessage message) {
        return MailText.plain(message);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String matchIn(MimeMessage message, List<String> matches) {
        return matches.stream().filter(id -> text(message).contains(id)).findFirst().orElseThrow();
    }
}
