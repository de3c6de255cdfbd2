package fr.relocmatch.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.SharedInfrastructure;
import fr.relocmatch.testinfra.TopicWriter;
import fr.relocmatch.testinfra.WithSharedInfrastructure;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext // one notification-service at a time in the consumer group
class NotificationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private TopicWriter writer;

    @BeforeAll
    void connect() {
        writer = TopicWriter.onSharedBroker();
    }

    @AfterAll
    void disconnect() {
        writer.close();
    }

    @Test
    void emailsBothAdvisersOnceNamingTheSmeAndTheDemand() throws MessagingException {
        String matchId = UUID.randomUUID().toString();
        publish("MatchProposed", matchId, 0, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");

        List<MimeMessage> received = awaitEmails(matchId, 2);

        assertThat(received).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0].toString())
                .containsExactlyInAnyOrder("pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        MimeMessage email = received.getFirst();
        assertThat(email.getSubject()).contains("Tissages de Normandie").contains("Linge de bain en coton").contains("87 %");
        String body = text(email);
        assertThat(body).contains("Groupe Maison").contains("processCoverage").contains("/api/v1/matches/" + matchId);

        List<JsonNode> recorded = JsonApi.onLocalPort(port).get("/api/v1/notifications?matchId=" + matchId).json()
                .valueStream().toList();
        assertThat(recorded).hasSize(2).allSatisfy(n -> assertThat(n.get("status").asString()).isEqualTo("SENT"));
        assertThat(recorded).extracting(n -> n.get("messageId").asString())
                .containsExactlyInAnyOrderElementsOf(received.stream().map(NotificationIT::messageId).toList());
    }

    @Test
    void sendsOneEmailPerAdviserWhenAdvisersAreTheSamePerson() {
        String matchId = UUID.randomUUID().toString();
        publish("MatchProposed", matchId, 0, "Unique@cci.fr", "unique@cci.fr ");

        awaitEmails(matchId, 1);
        assertThat(emailsAbout(matchId)).hasSize(1);
    }

    @Test
    void redeliveredAndDuplicatedEventsSendNoSecondEmail() {
        String matchId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            publish("MatchProposed", matchId, 0, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        }
        // A later match on the same key proves the duplicates were consumed before we count.
        String marker = UUID.randomUUID().toString();
        publish("MatchProposed", marker, 0, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        awaitEmails(marker, 2);

        assertThat(emailsAbout(matchId)).hasSize(2);
    }

    @Test
    void emailsNothingForAWithdrawnMatch() {
        String matchId = UUID.randomUUID().toString();
        publish("MatchWithdrawn", matchId, 1, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        String marker = UUID.randomUUID().toString();
        publish("MatchProposed", marker, 0, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        awaitEmails(marker, 2);

        assertThat(emailsAbout(matchId)).isEmpty();
        assertThat(JsonApi.onLocalPort(port).get("/api/v1/notifications?matchId=" + matchId).json().size()).isZero();
    }

    @Test
    void filtersRecordedEmailsByRecipientAndStatus() {
        String matchId = UUID.randomUUID().toString();
        publish("MatchProposed", matchId, 0, "filtre@cci.fr", "autre@cci.fr");
        awaitEmails(matchId, 2);

        JsonApi api = JsonApi.onLocalPort(port);
        assertThat(api.get("/api/v1/notifications?recipient=FILTRE@cci.fr&status=SENT").json().valueStream()
                .map(n -> n.get("matchId").asString())).contains(matchId);
        assertThat(api.get("/api/v1/notifications?recipient=filtre@cci.fr&status=FAILED").json().size()).isZero();
        assertThat(api.get("/api/v1/notifications?status=LOST").status()).isEqualTo(400);
    }

    private void publish(String type, String matchId, long version, String supplierAdviser, String demandAdviser) {
        MatchNotices.publish(writer, type, matchId, version, supplierAdviser, demandAdviser);
    }

    private List<MimeMessage> emailsAbout(String matchId) {
        return Arrays.stream(SharedInfrastructure.get().smtp().getReceivedMessages())
                .filter(m -> text(m).contains(matchId))
                .toList();
    }

    private List<MimeMessage> awaitEmails(String matchId, int count) {
        return await().atMost(TIMEOUT).until(() -> emailsAbout(matchId), list -> list.size() >= count);
    }

    /** The decoded text of an e-mail (its transfer encoding may wrap lines). */
    private static String text(MimeMessage message) {
        try {
            return message.getContent().toString();
        }
        catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
