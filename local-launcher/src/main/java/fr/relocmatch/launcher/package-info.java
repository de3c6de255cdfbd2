/** Runs RelocMatch on one machine with a JDK only: real Kafka, a MongoDB wire-protocol server, SMTP, the four services and demo data. */
package fr.relocmatch.launcher;
