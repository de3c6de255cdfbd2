/** Match e-mails: send records, composition, SMTP delivery and retries. */
package fr.relocmatch.notification.email;
