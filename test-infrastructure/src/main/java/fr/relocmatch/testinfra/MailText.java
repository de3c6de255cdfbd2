package fr.relocmatch.testinfra;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the decoded text of a received e-mail, whatever its transfer encoding and multipart shape. */
public final class MailText {

    private MailText() {
    }

    /** The text/plain part, decoded; empty when there is none. */
    public static String plain(Part message) {
        return find(message, "text/plain");
    }

    /** The text/html part, decoded; empty when there is none. */
    public static String html(Part message) {
        return find(message, "text/html");
    }

    private static String find(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = find(child, type);
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
            return "";
        }
        catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable e-mail", e);
        }
    }
}
