/**
 * Reference vocabularies shipped with the product (INSEE NAF rév. 2 and COG 2026, La Poste, IGN,
 * under Licence Ouverte Etalab 2.0; hand-written processes and certifications), see SOURCES.md.
 */
package fr.relocmatch.reference;
