package fr.relocmatch.console.security;

import java.util.List;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the issuer's ID token says: what the pages offer (an adviser decides, a
 * région admin sees the programme) — the services still decide what the person may do.
 *
 * @param login the issuer's user name
 * @param email the person's e-mail: the adviser address the services know them by
 * @param roles ADVISER, REGION_ADMIN, AUDITOR
 * @param regions the région codes the person works for
 */
public record SignedInPerson(String login, String email, List<String> roles, List<String> regions) {

    public static SignedInPerson of(OidcUser user) {
        String login = user.getPreferredUsername() != null ? user.getPreferredUsername() : user.getSubject();
        List<String> roles = user.getClaimAsStringList("roles");
        List<String> regions = user.getClaimAsStringList("regions");
        return new SignedInPerson(login, user.getEmail(), roles == null ? List.of() : roles,
                regions == null ? List.of() : regions);
    }

    public boolean isAdviser() {
        return roles.contains("ADVISER");
    }

    public boolean isRegionAdmin() {
        return roles.contains("REGION_ADMIN");
    }

    /** The région a new demand or search starts with: the person's first. */
    public String homeRegion() {
        return regions.isEmpty() ? null : regions.getFirst();
    }

    /** Whether the person is an adviser of this région: the one who may decide on its demands' matches. */
    public boolean advises(String region) {
        return isAdviser() && regions.contains(region);
    }
}
