/** The matching model: hard gates, an explainable weighted score and top-K ranking. Plain Java, no Spring. */
package fr.relocmatch.matching.domain;
