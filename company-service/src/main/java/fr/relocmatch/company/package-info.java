/** company-service: SME and group profiles in, versioned profile events out. */
package fr.relocmatch.company;
