package fr.relocmatch.notification.email;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import fr.relocmatch.testinfra.JsonApi;
import fr.relocmatch.testinfra.MailText;
import fr.relocmatch.access.SignedLinks;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relocmatch.notification.advisers[0].email=Seeded.Adviser@HautsDeFrance.cci.fr",
        "relocmatch.notification.advisers[0].name=Adviser from configuration",
        "relocmatch.notification.advisers[0].regions=32",
        "relocmatch.notification.advisers[0].language=en",
        "relocmatch.notification.advisers[0].delivery=DAILY_DIGEST",
        "relocmatch.notification.advisers[0].min-score=0.4"})
@WithSharedInfrastructure
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext // one notification-service at a time in the consumer group
class NotificationIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Digests digests;

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
        assertThat(body).contains("Groupe Maison").contains("Procédés souhaités").contains("http://127.0.0.1:8085/matches/" + matchId);
        assertThat(MailText.html(email)).contains("<strong>87 %</strong>").contains("href=\"http://127.0.0.1:8085/matches/" + matchId);
        assertReadsRight(email, "Donneur d'ordre", "Vos préférences d'envoi",
                "propose tous les procédés souhaités : Ennoblissement textile", "19 km sur 80 km autorisés");
        assertThat(body).doesNotContain("offers every").doesNotContain("km allowed").doesNotContain("DYEING_FINISHING");

        List<JsonNode> recorded = SharedInfrastructure.get().api(port).get("/api/v1/notifications?matchId=" + matchId).json()
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
    void anAdviserHearsOfAMatchOnceWhateverTheEventThatTellsIt() {
        // A MatchProposed the broker never acknowledged, superseded before the relay resent it: the
        // match reaches notification-service first as a MatchUpdated of a proposed match.
        String superseded = UUID.randomUUID().toString();
        publish("MatchUpdated", superseded, 2, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        awaitEmails(superseded, 2);
        // A proposed match then updated (a new score, a new rank): the advisers were told already.
        String updated = UUID.randomUUID().toString();
        publish("MatchProposed", updated, 0, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        publish("MatchUpdated", updated, 1, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        publish("MatchUpdated", superseded, 3, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        String marker = UUID.randomUUID().toString();
        publish("MatchProposed", marker, 0, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        awaitEmails(marker, 2);

        assertThat(emailsAbout(superseded)).hasSize(2);
        assertThat(emailsAbout(updated)).hasSize(2);
    }

    @Test
    void emailsNothingForAWithdrawnMatch() {
        String matchId = UUID.randomUUID().toString();
        publish("MatchWithdrawn", matchId, 1, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        String marker = UUID.randomUUID().toString();
        publish("MatchProposed", marker, 0, "pme@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        awaitEmails(marker, 2);

        assertThat(emailsAbout(matchId)).isEmpty();
        assertThat(SharedInfrastructure.get().api(port).get("/api/v1/notifications?matchId=" + matchId).json().size()).isZero();
    }

    @Test
    void filtersRecordedEmailsByRecipientAndStatus() {
        String matchId = UUID.randomUUID().toString();
        publish("MatchProposed", matchId, 0, "filtre@cci.fr", "autre@cci.fr");
        awaitEmails(matchId, 2);

        JsonApi api = SharedInfrastructure.get().api(port);
        assertThat(api.get("/api/v1/notifications?recipient=FILTRE@cci.fr&status=SENT").json().valueStream()
                .map(n -> n.get("matchId").asString())).contains(matchId);
        assertThat(api.get("/api/v1/notifications?recipient=filtre@cci.fr&status=FAILED").json().size()).isZero();
        assertThat(api.get("/api/v1/notifications?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void writesInTheAdvisersLanguageAndHonoursTheirPreferences() throws MessagingException {
        JsonApi api = SharedInfrastructure.get().api(port);
        assertThat(api.put("/api/v1/advisers/Sourcing.Lead@group.com", Map.of("name", "Sourcing lead", "language", "en",
                "delivery", "INSTANT", "minScore", 0.5), null).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/advisers/exigeant@cci.fr", Map.of("language", "fr", "delivery", "INSTANT",
                "minScore", 0.9), null).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/advisers/desabonne@cci.fr", Map.of("language", "fr", "delivery", "NONE",
                "minScore", 0), null).status()).isEqualTo(200);

        String english = UUID.randomUUID().toString();
        publish("MatchProposed", english, 0, "exigeant@cci.fr", "sourcing.lead@group.com");
        String unsubscribed = UUID.randomUUID().toString();
        publish("MatchProposed", unsubscribed, 0, "desabonne@cci.fr", "sourcing.lead@group.com");

        awaitEmails(unsubscribed, 1);
        MimeMessage email = awaitEmails(english, 1).getFirst();
        assertThat(email.getSubject()).isEqualTo("[RelocMatch] Match proposed: Tissages de Normandie for \"Linge de bain en coton\" (score 87 %)");
        assertThat(text(email)).contains("Preferred processes").contains("Why this score").doesNotContain("Pourquoi");
        assertThat(MailText.html(email)).contains("lang=\"en\"");
        assertReadsRight(email, "Buyer", "Your e-mail preferences", "offers every preferred process: Textile dyeing and finishing", "19 km of 80 km allowed");
        // below the 0.9 floor of one adviser, unsubscribed for the other: only the buyer side is e-mailed
        assertThat(emailsAbout(english)).hasSize(1);
        assertThat(emailsAbout(unsubscribed)).hasSize(1);
        assertThat(api.get("/api/v1/advisers/SOURCING.LEAD@group.com").json().get("language").asString()).isEqualTo("en");
    }

    @Test
    void aReminderGoesOnceIntoTheSupplierAdviserDigestWithALinkThatConfirmsOnlyThatProfile() throws MessagingException {
        JsonApi api = SharedInfrastructure.get().api(port);
        String company = UUID.randomUUID().toString();
        String reminder = "PROFILE_UNCONFIRMED:" + company + ":2026-12";
        String body = """
                {"eventId":"%s","occurredAt":"2026-12-01T06:00:00Z","reminderId":"%s","kind":"PROFILE_UNCONFIRMED",
                 "period":"2026-12","companyId":"%s","companyName":"Atelier Oublié","supplierAdviserEmail":"Rappels@CCI.fr",
                 "supplierRegion":"28","lastConfirmedOn":"2025-10-02","demands":[],"demandCount":0}
                """.formatted(UUID.randomUUID(), reminder, company);
        Map<String, String> headers = Map.of("ce_id", UUID.randomUUID().toString(), "ce_source", "/tests",
                "ce_type", "fr.relocmatch.matching.ProfileReminder.v1", "ce_specversion", "1.0");
        writer.send("relocmatch.reminders.v1", company, body, headers);
        writer.send("relocmatch.reminders.v1", company, body, headers); // redelivered
        writer.send("relocmatch.reminders.v1", company, body.replace("\"supplierRegion\":\"28\"", "\"supplierRegion\":\"32\"")
                .replace(reminder, reminder + "-other"), headers); // another région's instance tells its adviser

        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/notifications?recipient=rappels@cci.fr&status=DIGEST")
                .json().size() == 1);
        assertThat(digests.sendDigests()).isEqualTo(1);

        MimeMessage digest = await().atMost(TIMEOUT).until(() -> emailsTo("rappels@cci.fr"), list -> list.size() == 1).getFirst();
        String text = text(digest);
        assertThat(text).contains("Profil à confirmer : Atelier Oublié, confirmé pour la dernière fois le 2025-10-02");
        Matcher link = Pattern.compile("/confirm-profile\\?token=([A-Za-z0-9_.-]+)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        SignedLinks companyService = new SignedLinks("confirm-profile", List.of(SharedInfrastructure.LINK_KEY),
                Duration.ofDays(30), Clock.systemUTC());
        assertThat(companyService.verify(link.group(1))).isInstanceOfSatisfying(SignedLinks.Verdict.Valid.class,
                valid -> assertThat(valid.subject()).isEqualTo(company));
        assertThat(digests.sendDigests()).isZero();
    }

    @Test
    void theEndOfADemandGoesOnceIntoTheDigestOfTheSupplierAdviserOnly() throws MessagingException {
        JsonApi api = SharedInfrastructure.get().api(port);
        String proposed = UUID.randomUUID().toString();
        String accepted = UUID.randomUUID().toString();
        publish("MatchProposed", proposed, 0, "fournisseurs@cci.fr", "donneurs@cci.fr");
        awaitEmails(proposed, 2);

        MatchNotices.publishDemandClosed(writer, proposed, 1, false, "CANCELLED", "fournisseurs@cci.fr");
        MatchNotices.publishDemandClosed(writer, accepted, 4, true, "FULFILLED", "fournisseurs@cci.fr");
        MatchNotices.publishDemandClosed(writer, proposed, 1, false, "CANCELLED", "fournisseurs@cci.fr"); // redelivered

        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/notifications?recipient=fournisseurs@cci.fr&status=DIGEST")
                .json().size() == 2);
        assertThat(api.get("/api/v1/notifications?recipient=donneurs@cci.fr").json()).as("the demand's adviser ended it")
                .hasSize(1);
        assertThat(emailsTo("fournisseurs@cci.fr")).as("an instant adviser too reads it in the digest").hasSize(1);

        assertThat(digests.sendDigests()).isEqualTo(1);

        MimeMessage digest = await().atMost(TIMEOUT).until(() -> emailsTo("fournisseurs@cci.fr"), list -> list.size() == 2)
                .stream().filter(m -> subject(m).contains("Récapitulatif")).findFirst().orElseThrow();
        assertThat(text(digest)).contains("Demande annulée : « Linge de bain en coton » — Tissages de Normandie")
                .contains("Demande pourvue : « Linge de bain en coton » — Tissages de Normandie")
                .contains("/matches/" + proposed).contains("/matches/" + accepted);
        assertThat(digests.sendDigests()).isZero();
    }

    @Test
    void gathersTheMatchesOfADigestAdviserIntoOneDailyEmail() throws MessagingException {
        JsonApi api = SharedInfrastructure.get().api(port);
        assertThat(api.put("/api/v1/advisers/recap@cci.fr", Map.of("language", "fr", "delivery", "DAILY_DIGEST",
                "minScore", 0), null).status()).isEqualTo(200);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        publish("MatchProposed", first, 0, "recap@cci.fr", "instant@cci.fr");
        publish("MatchProposed", second, 0, "recap@cci.fr", "instant@cci.fr");
        awaitEmails(first, 1);
        awaitEmails(second, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/notifications?recipient=recap@cci.fr&status=DIGEST")
                .json().size() == 2);
        assertThat(emailsTo("recap@cci.fr")).isEmpty();

        assertThat(digests.sendDigests()).isEqualTo(1);

        List<MimeMessage> digest = await().atMost(TIMEOUT).until(() -> emailsTo("recap@cci.fr"), list -> list.size() == 1);
        assertThat(digest.getFirst().getSubject()).startsWith("[RelocMatch] Récapitulatif du ").contains(": 2 nouvelle(s)");
        assertThat(text(digest.getFirst())).contains("/matches/" + first).contains("/matches/" + second);
        assertReadsRight(digest.getFirst(), "Vos préférences d'envoi", "Ne plus recevoir ces e-mails");
        await().atMost(TIMEOUT).until(() -> api.get("/api/v1/notifications?recipient=recap@cci.fr&status=SENT").json()
                .valueStream().filter(n -> !n.get("matchId").asString().startsWith("digest:")).count() == 2);

        assertThat(digests.sendDigests()).as("nothing waits: no empty digest").isZero();
        assertThat(emailsTo("recap@cci.fr")).hasSize(1);
    }

    @Test
    void theSignedLinkInAnEmailLetsItsRecipientUnsubscribe() {
        JsonApi api = SharedInfrastructure.get().api(port);
        String first = UUID.randomUUID().toString();
        publish("MatchProposed", first, 0, "lien@cci.fr", "autre-lien@cci.fr");
        MimeMessage email = awaitEmails(first, 2).stream().filter(m -> emailsTo("lien@cci.fr").contains(m))
                .findFirst().orElseThrow();
        // the console's preferences page (the token is its authorisation), and RFC 8058's one-click unsubscribe
        Matcher link = Pattern.compile("http://127.0.0.1:8085/preferences\\?token=([A-Za-z0-9_.-]+)")
                .matcher(text(email));
        assertThat(link.find()).as(text(email)).isTrue();
        assertThat(MailText.html(email)).contains("/preferences?token=" + link.group(1));
        String token = link.group(1);
        try {
            assertThat(email.getHeader("List-Unsubscribe")).singleElement(InstanceOfAssertFactories.STRING)
                    .matches("<http://127\\.0\\.0\\.1:8085/unsubscribe\\?token=[A-Za-z0-9_.-]+>");
            assertThat(email.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        }
        catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        assertThat(text(email)).contains("Ne plus recevoir ces e-mails : http://127.0.0.1:8085/unsubscribe?token=");

        assertThat(api.get("/api/v1/preferences?token=" + token).json().get("email").asString()).isEqualTo("lien@cci.fr");
        assertThat(api.post("/api/v1/preferences/unsubscribe?token=" + token, Map.of()).json().get("delivery").asString())
                .isEqualTo("NONE");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(api.get("/api/v1/preferences?token=" + tampered).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/preferences/unsubscribe?token=bm9ib2R5.AAAA", Map.of()).status()).isEqualTo(403);

        String second = UUID.randomUUID().toString();
        publish("MatchProposed", second, 0, "lien@cci.fr", "autre-lien@cci.fr");
        awaitEmails(second, 1);
        assertThat(emailsAbout(second)).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0].toString())
                .containsExactly("autre-lien@cci.fr");
    }

    /**
     * What an adviser reads: the labels of their language with their apostrophes (a doubled one is a
     * message bundle's quoting left in), and links to the console only, never to a service's API.
     */
    private static void assertReadsRight(MimeMessage email, String... labels) {
        for (String part : List.of(text(email), MailText.html(email).replace("&#39;", "'"))) {
            assertThat(part).contains(labels).doesNotContain("''").doesNotContain("/api/v1/")
                    .doesNotContain(":8081").doesNotContain(":8082").doesNotContain(":8083").doesNotContain(":8084");
        }
    }

    @Test
    void seedsTheAdvisersOfTheConfiguration() {
        JsonNode seeded = SharedInfrastructure.get().api(port).get("/api/v1/advisers/seeded.adviser@hautsdefrance.cci.fr").json();

        assertThat(seeded.get("language").asString()).isEqualTo("en");
        assertThat(seeded.get("delivery").asString()).isEqualTo("DAILY_DIGEST");
        assertThat(seeded.get("minScore").asDouble()).isEqualTo(0.4);
        assertThat(seeded.get("regions").valueStream().map(JsonNode::asString)).containsExactly("32");
    }

    @Test
    void namesNoBuyerForAConfidentialDemand() {
        String matchId = UUID.randomUUID().toString();
        MatchNotices.publishConfidential(writer, matchId, "pme@normandie.cci.fr");

        MimeMessage email = awaitEmails(matchId, 1).getFirst();
        assertThat(text(email)).contains("confidentiel").doesNotContain("Groupe Maison");
    }

    @Test
    void namesTheConfidentialBuyerToTheSupplierAdviserOnceTheMatchIsAccepted() throws MessagingException {
        String matchId = UUID.randomUUID().toString();
        MatchNotices.publishConfidential(writer, matchId, "revele@normandie.cci.fr");
        awaitEmails(matchId, 2);

        MatchNotices.publishConfidentialAcceptance(writer, matchId, 1, "revele@normandie.cci.fr"); // names no one: no e-mail
        MatchNotices.publishDisclosure(writer, matchId, 1, "revele@normandie.cci.fr");
        MatchNotices.publishDisclosure(writer, matchId, 1, "revele@normandie.cci.fr"); // redelivered

        awaitEmails(matchId, 3);
        MimeMessage disclosure = emailsAbout(matchId).stream().filter(m -> text(m).contains("Groupe Maison")).findFirst()
                .orElseThrow();
        assertThat(disclosure.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("revele@normandie.cci.fr");
        assertThat(disclosure.getSubject()).contains("acceptée").contains("Groupe Maison Française");
        // a later event for another match shows the redelivered disclosure was consumed without a second e-mail
        String later = UUID.randomUUID().toString();
        publish("MatchProposed", later, 0, "revele@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        awaitEmails(later, 2);
        assertThat(emailsAbout(matchId)).hasSize(3);
    }

    @Test
    void showsNoDistanceForADemandWithoutDeliverySite() {
        String matchId = UUID.randomUUID().toString();
        MatchNotices.publishWithoutDistance(writer, matchId, "sans-site@normandie.cci.fr");

        MimeMessage email = awaitEmails(matchId, 1).getFirst();
        assertThat(text(email)).contains("(rang 1)").doesNotContain("rang 1, ");
    }

    @Test
    void tellsTheSupplierAdviserOnceWhenANamedBuyerAcceptsTheMatch() throws MessagingException {
        String matchId = UUID.randomUUID().toString();
        publish("MatchProposed", matchId, 0, "accepte@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        awaitEmails(matchId, 2);

        publish("MatchDecided", matchId, 1, "accepte@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        publish("MatchDecided", matchId, 1, "accepte@normandie.cci.fr", "grands-comptes@normandie.cci.fr"); // redelivered

        awaitEmails(matchId, 3);
        MimeMessage accepted = emailsAbout(matchId).stream().filter(m -> subject(m).contains("acceptée")).findFirst()
                .orElseThrow();
        assertThat(accepted.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("accepte@normandie.cci.fr");
        assertThat(accepted.getSubject()).contains("Tissages de Normandie").contains("Groupe Maison Française");
        String later = UUID.randomUUID().toString();
        publish("MatchProposed", later, 0, "accepte@normandie.cci.fr", "grands-comptes@normandie.cci.fr");
        awaitEmails(later, 2);
        assertThat(emailsAbout(matchId)).as("one acceptance e-mail, to the supplier's adviser only").hasSize(3);
    }

    @Test
    void rejectsAnInvalidAdviserEntryNamingTheFields() {
        JsonApi.Response answer = SharedInfrastructure.get().api(port).put("/api/v1/advisers/someone@cci.fr",
                Map.of("language", "de", "delivery", "SOMETIMES", "minScore", 2), null);
        assertThat(answer.status()).isEqualTo(400);

        JsonApi.Response fields = SharedInfrastructure.get().api(port).put("/api/v1/advisers/someone@cci.fr",
                Map.of("language", "de", "delivery", "INSTANT", "minScore", 2), null);
        assertThat(fields.status()).isEqualTo(400);
        assertThat(fields.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("language", "minScore");
        assertThat(SharedInfrastructure.get().api(port).get("/api/v1/advisers/someone@cci.fr").status()).isEqualTo(404);
    }

    private void publish(String type, String matchId, long version, String supplierAdviser, String demandAdviser) {
        MatchNotices.publish(writer, type, matchId, version, supplierAdviser, demandAdviser);
    }

    private List<MimeMessage> emailsAbout(String matchId) {
        return Arrays.stream(SharedInfrastructure.get().smtp().getReceivedMessages())
                .filter(m -> text(m).contains(matchId))
                .toList();
    }

    private static List<MimeMessage> emailsTo(String recipient) {
        return Arrays.stream(SharedInfrastructure.get().smtp().getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(recipient);
            }
            catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private List<MimeMessage> awaitEmails(String matchId, int count) {
        return await().atMost(TIMEOUT).until(() -> emailsAbout(matchId), list -> list.size() >= count);
    }

    private static String text(MimeMessage message) {
        return MailText.plain(message);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        }
        catch (MessagingException e) {
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
