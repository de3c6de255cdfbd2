package fr.relocmatch.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * An SMTP server (GreenMail) that accepts every e-mail and files a copy of each, as an .eml file
 * any mail client opens, in the data folder.
 */
final class LocalMail implements AutoCloseable {

    private final GreenMail greenMail;
    private final Path mailDir;
    private final ScheduledExecutorService filer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-filer");
        thread.setDaemon(true);
        return thread;
    });
    private final long runStarted = System.currentTimeMillis() / 1000;
    private int filed;

    private LocalMail(GreenMail greenMail, Path mailDir) {
        this.greenMail = greenMail;
        this.mailDir = mailDir;
    }

    static LocalMail start(Path mailDir, int smtpPort) {
        try {
            Files.createDirectories(mailDir);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        LocalMail mail = new LocalMail(greenMail, mailDir);
        mail.filer.scheduleWithFixedDelay(mail::fileNewMessages, 1, 1, TimeUnit.SECONDS);
        return mail;
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    Path mailDir() {
        return mailDir;
    }

    synchronized int received() {
        return greenMail.getReceivedMessages().length;
    }

    private synchronized void fileNewMessages() {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (; filed < messages.length; filed++) {
            String name = String.format("%d-%03d.eml", runStarted, filed + 1);
            try (OutputStream out = Files.newOutputStream(mailDir.resolve(name))) {
                messages[filed].writeTo(out);
            }
            catch (IOException | MessagingException e) {
                System.err.println("Could not file e-mail " + name + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        fileNewMessages();
        filer.shutdownNow();
        greenMail.stop();
    }
}
