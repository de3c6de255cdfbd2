/** adviser-console: the CCI advisers' pages over the four services, called with the signed-in person's token. */
package fr.relocmatch.console;
