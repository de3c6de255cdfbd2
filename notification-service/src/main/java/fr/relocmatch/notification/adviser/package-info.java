/** The directory of CCI advisers and how each wants match e-mails. */
package fr.relocmatch.notification.adviser;
