package fr.relocmatch.notification.email;

import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import fr.relocmatch.observability.TraceIdHeader;
import fr.relocmatch.observability.TraceIds;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one recorded e-mail to the SMTP server, keeping its Message-ID, with the one-click
 * unsubscribe of RFC 8058 ({@code List-Unsubscribe} and {@code List-Unsubscribe-Post}) that mail
 * clients show beside the sender.
 */
@Component
class MatchMailer {

    /** The header naming the trace that recorded the e-mail, as every HTTP answer does. */
    static final String TRACE_HEADER = TraceIdHeader.NAME;

    /**
     * Jakarta Mail 2.1 finds its stream provider anew, with a {@link java.util.ServiceLoader} scan
     * of the whole class path, at each encoding and each body part — about ten times an e-mail,
     * most of the service's CPU under load. Named here as the API allows (a system property of the
     * interface's name, unless the operator set one), it is a class lookup instead.
     */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    /**
     * The file types attachments would be typed by, read once: {@link MimeMessageHelper} reads the
     * class path's {@code mime.types} for every message it is not given a sender's message for.
     */
    private static final FileTypeMap FILE_TYPES = fileTypes();

    private final JavaMailSenderImpl sender;
    private final NotificationProperties properties;
    private final EmailLinks links;

    MatchMailer(JavaMailSenderImpl sender, NotificationProperties properties, EmailLinks links) {
        this.sender = sender;
        this.properties = properties;
        this.links = links;
    }

    /**
     * Sends the e-mail.
     *
     * @throws MailException on failure; see {@link #isPermanent(Exception)}
     */
    void send(NotificationDocument notification) {
        MimeMessage message = new StableIdMessage(sender.getSession(), notification.getMessageId());
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, notification.getHtml() != null, "UTF-8") {
                @Override
                protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
                    return FILE_TYPES;
                }
            };
            helper.setFrom(new InternetAddress(properties.from()));
            helper.setTo(new InternetAddress(notification.getRecipient()));
            helper.setSubject(notification.getSubject());
            message.setHeader("List-Unsubscribe", "<" + links.unsubscribe(notification.getRecipient()) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            // the trace of the demand's request that led to this e-mail, for an operator asked about it
            String traceId = TraceIds.traceIdOf(notification.getTraceParent()).orElse(null);
            if (traceId != null) {
                message.setHeader(TRACE_HEADER, traceId);
            }
            if (notification.getHtml() != null) {
                helper.setText(notification.getBody(), notification.getHtml());
            }
            else {
                helper.setText(notification.getBody());
            }
        }
        catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        sender.send(message);
    }

    private static FileTypeMap fileTypes() {
        ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
        types.afterPropertiesSet();
        return types;
    }

    /** A 5xx answer (bad address, refused message) will not get better by retrying. */
    static boolean isPermanent(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof SMTPSendFailedException sendFailed && sendFailed.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof MailPreparationException) {
                return true;
            }
            if (cause instanceof MailSendException sendException) {
                for (Exception nested : sendException.getFailedMessages().values()) {
                    if (nested != cause && isPermanent(nested)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Keeps the Message-ID chosen when the e-mail was recorded instead of a fresh one per attempt. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
