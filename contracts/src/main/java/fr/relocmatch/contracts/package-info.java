/**
 * What crosses a service boundary: the CloudEvents envelope and event types, the topics' JSON
 * Schemas and the field violations a partner's outcome names. How a service publishes, reads or
 * answers over REST lives elsewhere ({@code state-events}, {@code partner-inbox}, {@code api-conventions}).
 */
package fr.relocmatch.contracts;
