package fr.relocmatch.notification.email;

/** An e-mail ready to send: subject, plain-text and HTML bodies in the recipient's language. */
record ComposedEmail(String subject, String text, String html) {
}
