/**
 * Access control shared by the four services: each is an OAuth 2 resource server validating JWTs
 * against its issuer (audience checked), the caller's roles and régions come from the token's
 * claims ({@link fr.relocmatch.access.Caller}), and refusals are RFC 9457 problem details (401
 * without a valid token, 403 when the caller may not).
 */
package fr.relocmatch.access;
