package fr.relocmatch.launcher;

import java.util.HashMap;
import java.util.Map;
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

/**
 * An SMTP server (GreenMail) that accepts every e-mail and files a copy of each, as an .eml file
 * any mail client opens, in the data folder.
 */
public final class LocalMail implements AutoCloseable {

    private final GreenMail greenMail;
    private final Path mailDir;
    private final ScheduledExecutorService filer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mail-filer");
        thread.setDaemon(true);
        return thread;
    });
    private final long runStarted = System.currentTimeMillis() / 1000;
    /** Copies filed per Message-ID, and files written this run. */
    private final Map<String, Integer> filed = new HashMap<>();
    private int count;

    private LocalMail(GreenMail greenMail, Path mailDir) {
        this.greenMail = greenMail;
        this.mailDir = mailDir;
    }

    public static LocalMail start(Path mailDir, int smtpPort) {
        try {
            Files.createDirectories(mailDir);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GreenMail greenMail = PromptSmtpServer.on(smtpPort);
        greenMail.start();
        LocalMail mail = new LocalMail(greenMail, mailDir);
        mail.filer.scheduleWithFixedDelay(mail::fileNewMessages, 1, 1, TimeUnit.SECONDS);
        return mail;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    Path mailDir() {
        return mailDir;
    }

    public synchronized int received() {
        return greenMail.getReceivedMessages().length;
    }

    /**
     * Files every received e-mail not filed yet. The server lists its messages mailbox by mailbox,
     * so a new recipient can shift earlier ones: e-mails are told apart by their Message-ID (and a
     * message sent to two recipients counts twice), not by their place in the list.
     */
    synchronized void fileNewMessages() {
        Map<String, Integer> seen = new HashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            String key = key(message);
            int copy = seen.merge(key, 1, Integer::sum);
            if (copy <= filed.getOrDefault(key, 0)) {
                continue;
            }
            String name = String.format("%d-%03d.eml", runStarted, ++count);
            try (OutputStream out = Files.newOutputStream(mailDir.resolve(name))) {
                message.writeTo(out);
                filed.put(key, copy);
            }
            catch (IOException | MessagingException e) {
                System.err.println("Could not file e-mail " + name + ": " + e.getMessage());
            }
        }
    }

    private static String key(MimeMessage message) {
        try {
            String id = message.getMessageID();
            return id != null ? id : message.getSubject() + "|" + message.getSentDate();
        }
        catch (MessagingException e) {
            return String.valueOf(System.identityHashCode(message));
        }
    }

    @Override
    public void close() {
        fileNewMessages();
        filer.shutdownNow();
        greenMail.stop();
    }
}
