/** Command-line tools run against a company-service instance. */
package fr.relocmatch.company.cli;
