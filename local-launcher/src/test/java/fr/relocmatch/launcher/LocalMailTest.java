package fr.relocmatch.launcher;

import jakarta.mail.MessagingException;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local mail folder holds one .eml file per e-mail received, whatever the order in which new
 * recipients make the SMTP server list its messages.
 */
class LocalMailTest {

    @TempDir
    Path folder;

    @Test
    void filesEachReceivedEmailOnce() throws Exception {
        try (LocalMail mail = LocalMail.start(folder, RunningServices.freePort())) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "127.0.0.1");
            smtp.put("mail.smtp.port", String.valueOf(mail.port()));
            Session session = Session.getInstance(smtp);
            List<String> sent = new ArrayList<>();
            // recipients arriving in an order unlike their sorting: the server's list is per mailbox
            for (String recipient : List.of("zoe", "adam", "marc", "bea", "yann", "carl", "adam", "zoe", "nina", "eve")) {
                String id = "<" + UUID.randomUUID() + "@relocmatch>";
                MimeMessage message = new MimeMessage(session) {
                    @Override
                    protected void updateMessageID() throws MessagingException {
                        setHeader("Message-ID", id); // stable, as notification-service sets it
                    }
                };
                message.setFrom("relocmatch@localhost");
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient + "@cci.fr"));
                message.setSubject("Mise en relation " + sent.size());
                message.setText("Bonjour");
                Transport.send(message);
                sent.add(id);
                mail.fileNewMessages(); // as the filer does, between two arrivals
            }
            mail.fileNewMessages();

            List<String> filed = new ArrayList<>();
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        filed.add(new MimeMessage(session, in).getMessageID());
                    }
                }
            }
            assertThat(filed).containsExactlyInAnyOrderElementsOf(sent);
        }
    }
}
