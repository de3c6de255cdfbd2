/** Relocation demands: validation, storage and publication. */
package fr.relocmatch.demand.relocation;
