/** The establishments CSV file an import reads: encoding, separator, rows as written, repeated SIRETs, rejects. */
package fr.relocmatch.establishments;
