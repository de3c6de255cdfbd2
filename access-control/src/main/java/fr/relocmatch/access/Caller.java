package fr.relocmatch.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the validated access token: subject, e-mail, roles, the régions served (INSEE
 * codes) and, for a partner, the source it signs its records with.
 *
 * @param subject the token's {@code sub}: a person's login or a partner's client id
 * @param email the {@code email} claim, {@code null} for a partner
 * @param roles the {@code roles} claim (unknown values ignored)
 * @param regions the {@code regions} claim
 * @param partner the {@code partner} claim, {@code null} unless the caller is a partner
 */
public record Caller(String subject, String email, Set<Role> roles, Set<String> regions, String partner) {

    public static final String ROLES_CLAIM = "roles";
    public static final String REGIONS_CLAIM = "regions";
    public static final String PARTNER_CLAIM = "partner";
    public static final String EMAIL_CLAIM = "email";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        regions = Set.copyOf(regions);
    }

    /** The caller of the current request; a request without a valid token never reaches the code that asks. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        throw new AccessDeniedException("No authenticated caller");
    }

    /** Reads the claims of a validated token. */
    public static Caller of(Jwt token) {
        Set<Role> roles = strings(token.getClaim(ROLES_CLAIM)).stream()
                .flatMap(name -> Arrays.stream(Role.values()).filter(role -> role.name().equals(name)))
                .collect(Collectors.toSet());
        return new Caller(token.getSubject(), token.getClaimAsString(EMAIL_CLAIM), roles,
                Set.copyOf(strings(token.getClaim(REGIONS_CLAIM))), token.getClaimAsString(PARTNER_CLAIM));
    }

    static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Has the role for this région: an adviser, admin or auditor of région 28 for a région 28 record. */
    public boolean is(Role role, String region) {
        return roles.contains(role) && region != null && regions.contains(region);
    }

    /** An adviser or région admin of the région: may change what the région owns. */
    public boolean actsFor(String region) {
        return is(Role.ADVISER, region) || is(Role.REGION_ADMIN, region);
    }

    /** May read the région's records whole (contact, confidential buyer): its advisers, admins and auditors. */
    public boolean readsWholly(String region) {
        return actsFor(region) || is(Role.AUDITOR, region);
    }

    /** Any adviser, admin or auditor: may read the published view of any région's records. */
    public boolean isStaff() {
        return has(Role.ADVISER) || has(Role.REGION_ADMIN) || has(Role.AUDITOR);
    }

    /** The partner that submitted a record, when the caller is that partner. */
    public boolean submitted(String submittedBy) {
        return has(Role.PARTNER) && partner != null && partner.equals(submittedBy);
    }

    /** The name a decision or a fit is taken in: the token's e-mail, else its subject. */
    public String ownName() {
        return email != null ? email : subject;
    }

    /** The same e-mail address, ignoring case (addresses are compared as the directory stores them). */
    public boolean isPerson(String address) {
        return email != null && address != null && email.equalsIgnoreCase(address);
    }

    /** Goes on when allowed; otherwise a 403 problem naming what was needed, nothing read or changed. */
    public static void require(boolean allowed, String needed) {
        if (!allowed) {
            throw new AccessDeniedException(needed);
        }
    }
}
