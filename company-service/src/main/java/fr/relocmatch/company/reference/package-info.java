/** The shipped vocabularies, served to clients for type-ahead and validation. */
package fr.relocmatch.company.reference;
