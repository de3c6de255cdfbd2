/** Matches: consuming profiles and demands, keeping the candidates of each demand, publishing their changes. */
package fr.relocmatch.matching.match;
