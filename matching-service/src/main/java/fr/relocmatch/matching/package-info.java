/** matching-service: scores every SME–demand pair, keeps and explains the best candidates. */
package fr.relocmatch.matching;
