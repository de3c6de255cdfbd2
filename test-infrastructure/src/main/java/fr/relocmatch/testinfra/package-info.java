/** Real Kafka, MongoDB and SMTP servers for integration tests, started once per JVM. */
package fr.relocmatch.testinfra;
