/** RFC 9457 problem details with a field-level list, the same in every REST API. */
package fr.relocmatch.api;
