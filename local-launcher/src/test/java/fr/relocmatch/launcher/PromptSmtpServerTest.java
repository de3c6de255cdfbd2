package fr.relocmatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.junit.jupiter.api.Test;

/**
 * The local SMTP server answers without Nagle's delay (see {@link PromptSmtpServer}): each
 * accepted connection has {@code TCP_NODELAY}, and it still takes e-mails as GreenMail does.
 */
class PromptSmtpServerTest {

    @Test
    void eachAcceptedConnectionAnswersWithoutNaglesDelay() throws IOException {
        PromptSmtpServer server = new PromptSmtpServer(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new Managers());
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
                Socket accepted = listening.accept()) {
            assertThat(accepted.getTcpNoDelay()).as("a socket as accepted").isFalse();
            server.handleClientSocket(accepted);
            assertThat(accepted.getTcpNoDelay()).isTrue();
            // and the server speaks SMTP on it
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("220");
        }
    }

    @Test
    void takesEmailsAsGreenMailDoes() throws MessagingException {
        GreenMail smtp = PromptSmtpServer.on(0);
        smtp.start();
        try {
            Properties properties = new Properties();
            properties.put("mail.smtp.host", "127.0.0.1");
            properties.put("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()));
            Session session = Session.getInstance(properties);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("relocmatch@cci.fr"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("adviser@cci-bretagne.fr"));
            message.setSubject("Nouvelle mise en relation");
            message.setText("Une PME correspond à une demande.");
            Transport.send(message);
            assertThat(smtp.getReceivedMessages()).singleElement()
                    .satisfies(received -> assertThat(received.getSubject()).isEqualTo("Nouvelle mise en relation"));
        }
        finally {
            smtp.stop();
        }
    }
}
