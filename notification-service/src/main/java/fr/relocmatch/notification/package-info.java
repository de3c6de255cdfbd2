/** notification-service: e-mails the advisers in charge of a match, exactly once per recipient and version. */
package fr.relocmatch.notification;
