/** The contracts RelocMatch publishes: event envelope and names, and the shape of REST errors. */
package fr.relocmatch.contracts;
