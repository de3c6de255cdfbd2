/** Company profiles: validation against the shipped vocabularies, storage and publication. */
package fr.relocmatch.company.profile;
