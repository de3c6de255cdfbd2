package fr.relocmatch.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.util.StreamProvider;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Mail's stream provider is named once the mailer is loaded, so that each MIME operation
 * finds it by name rather than by scanning the class path (see {@link MatchMailer}).
 */
class MatchMailerTest {

    @Test
    void namesTheStreamProviderSoThatMailFindsItWithoutAScan() throws ClassNotFoundException {
        Class.forName(MatchMailer.class.getName()); // initialised, as the service's context does

        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(MailStreamProvider.class.getName());
        assertThat(StreamProvider.provider()).isInstanceOf(MailStreamProvider.class);
    }
}
