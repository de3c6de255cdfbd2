package fr.relocmatch.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.jwt.Jwt;

/** What a token's claims let a caller do. */
class CallerTest {

    private static Caller caller(Map<String, Object> claims) {
        Jwt.Builder token = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(token::claim);
        return Caller.of(token.build());
    }

    @Test
    void anAdviserActsForTheirRegionsOnlyAndReadsOthersPublishedViews() {
        Caller adviser = caller(Map.of("roles", List.of("ADVISER"), "regions", List.of("28"), "email", "a@cci.fr"));

        assertThat(adviser.actsFor("28")).isTrue();
        assertThat(adviser.readsWholly("28")).isTrue();
        assertThat(adviser.actsFor("32")).isFalse();
        assertThat(adviser.readsWholly("32")).isFalse();
        assertThat(adviser.isStaff()).isTrue();
        assertThat(adviser.isPerson("A@CCI.fr")).isTrue();
        assertThat(adviser.submitted(null)).isFalse();
    }

    @Test
    void anAuditorReadsWhollyButActsForNoRegion() {
        Caller auditor = caller(Map.of("roles", List.of("AUDITOR"), "regions", List.of("28")));

        assertThat(auditor.readsWholly("28")).isTrue();
        assertThat(auditor.actsFor("28")).isFalse();
    }

    @Test
    void aPartnerIsKnownByItsSourceAndIsNoStaff() {
        Caller partner = caller(Map.of("roles", List.of("PARTNER"), "partner", "/partners/demo"));

        assertThat(partner.submitted("/partners/demo")).isTrue();
        assertThat(partner.submitted("/partners/other")).isFalse();
        assertThat(partner.isStaff()).isFalse();
        assertThat(partner.actsFor("28")).isFalse();
    }

    @Test
    void unknownRolesAndMissingClaimsGiveNothing() {
        Caller nobody = caller(Map.of("roles", List.of("SUPERUSER", "offline_access")));

        assertThat(nobody.roles()).isEmpty();
        assertThat(nobody.regions()).isEmpty();
        assertThat(nobody.isStaff()).isFalse();
        assertThat(nobody.is(Role.REGION_ADMIN, null)).isFalse();
        assertThat(caller(Map.of("roles", "ADVISER", "regions", "28")).roles()).isEqualTo(Set.of(Role.ADVISER));
    }

    @Test
    void aRefusalSaysWhatWasNeeded() {
        assertThatThrownBy(() -> Caller.require(false, "An admin of région 28")).isInstanceOf(AccessDeniedException.class)
                .hasMessage("An admin of région 28");
    }
}
