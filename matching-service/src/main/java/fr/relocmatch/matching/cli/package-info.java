/** Commands run beside matching-service, through its REST API: fitting and applying the score weights. */
package fr.relocmatch.matching.cli;
