package fr.relocmatch.notification.email;

import fr.relocmatch.testinfra.ContractAssertions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import fr.relocmatch.testinfra.TopicProbe;
import fr.relocmatch.testinfra.TopicWriter;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** An SMTP server that answers 550: the e-mail is FAILED at once, dead-lettered, and the circuit stays closed. */
@SpringBootTest(properties = {"relocmatch.test.own-smtp=true", "spring.mail.host=127.0.0.1",
        "spring.mail.port=${relocmatch.test.refusing-smtp-port}"})
@WithSharedInfrastructure
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermanentSmtpFailureIT {

    private static final RefusingSmtpServer REFUSING = RefusingSmtpServer.start();

    static {
        System.setProperty("relocmatch.test.refusing-smtp-port", String.valueOf(REFUSING.port()));
    }

    @Autowired
    NotificationRepository repository;

    @Autowired
    SmtpGateway smtp;

    @AfterAll
    void stop() throws Exception {
        REFUSING.close();
    }

    @Test
    void marksARefusedEmailFailedAndSendsItToTheDeadLetterTopicWithTheReason() {
        String matchId = UUID.randomUUID().toString();
        try (TopicWriter writer = TopicWriter.onSharedBroker();
                TopicProbe deadLetters = TopicProbe.on("relocmatch.notification.dlq.v1");
                TopicProbe outcomes = TopicProbe.on("relocmatch.notification-status.v1")) {
            MatchNotices.publish(writer, "MatchProposed", matchId, 0, "inconnu@normandie.cci.fr", "inconnu@normandie.cci.fr");

            await().atMost(Duration.ofSeconds(30)).until(() -> repository.findAll().stream()
                    .anyMatch(n -> matchId.equals(n.getMatchId()) && n.getStatus() == NotificationStatus.FAILED));
            NotificationDocument failed = repository.findAll().stream().filter(n -> matchId.equals(n.getMatchId()))
                    .findFirst().orElseThrow();
            assertThat(failed.getAttempts()).as("a 5xx is not retried").isEqualTo(1);
            assertThat(failed.getLastError()).contains("550");
            assertThat(REFUSING.refusals()).isEqualTo(1);

            ConsumerRecord<String, String> dead = deadLetters.await(r -> matchId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicProbe.headers(dead).get("x-exception-message")).contains("550");
            assertThat(TopicProbe.headers(dead)).containsEntry("x-recipient", "inconnu@normandie.cci.fr")
                    .containsEntry("x-original-topic", "relocmatch.matches.v1");
            ConsumerRecord<String, String> outcome = outcomes.await(r -> matchId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicProbe.headers(outcome)).containsEntry("ce_type", NotificationOutcomes.FAILED);
            ContractAssertions.assertConform(outcomes.seen());
            assertThat(smtp.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }
}
