/** demand-service: relocation demands from groups, published as versioned events. */
package fr.relocmatch.demand;
