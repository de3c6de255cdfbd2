/** CloudEvents 1.0 envelope (Kafka binary mode) and the event types every service agrees on. */
package fr.relocmatch.contracts.events;
