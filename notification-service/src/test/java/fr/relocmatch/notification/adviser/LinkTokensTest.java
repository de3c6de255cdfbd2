package fr.relocmatch.notification.adviser;

import java.util.Base64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import fr.relocmatch.access.SignedLinks;

import org.junit.jupiter.api.Test;

/** Preferences links: signed with configured keys, expiring, rotatable. */
class LinkTokensTest {

    private static final String OLD_KEY = "the-key-every-instance-had-until-today";
    private static final String NEW_KEY = "the-key-every-instance-signs-with-from-today";
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    private static LinkTokens tokens(List<String> keys, Instant now) {
        return new LinkTokens(keys, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aProfileConfirmationLinkOpensOnlyTheConfirmationOfItsCompany() {
        LinkTokens tokens = tokens(List.of(NEW_KEY), NOW);
        SignedLinks companyService = new SignedLinks(LinkTokens.PROFILE_CONFIRMATION, List.of(NEW_KEY), Duration.ofDays(30),
                Clock.fixed(NOW, ZoneOffset.UTC));

        String confirmation = tokens.signProfileConfirmation("company-1");

        assertThat(companyService.verify(confirmation))
                .isEqualTo(new SignedLinks.Verdict.Valid("company-1", NOW.plus(Duration.ofDays(30))));
        assertThat(tokens.verify(confirmation)).as("not a preferences link").isInstanceOf(SignedLinks.Verdict.Invalid.class);
        assertThat(companyService.verify(tokens.sign("lien@cci.fr"))).as("a preferences link confirms no profile")
                .isInstanceOf(SignedLinks.Verdict.Invalid.class);
        assertThat(new SignedLinks(LinkTokens.PROFILE_CONFIRMATION, List.of(NEW_KEY), Duration.ofDays(30),
                Clock.fixed(NOW.plus(Duration.ofDays(31)), ZoneOffset.UTC)).verify(confirmation))
                .isInstanceOf(SignedLinks.Verdict.Expired.class);
    }

    @Test
    void anotherInstanceWithTheSameKeyAcceptsTheLink() {
        String link = tokens(List.of(OLD_KEY), NOW).sign("Lien@CCI.fr");

        assertThat(tokens(List.of(OLD_KEY), NOW).adviser(link)).contains("lien@cci.fr");
    }

    @Test
    void aLinkExpiresAfterItsLifetime() {
        String link = tokens(List.of(OLD_KEY), NOW).sign("lien@cci.fr");

        assertThat(tokens(List.of(OLD_KEY), NOW.plus(Duration.ofDays(29))).verify(link))
                .isInstanceOf(SignedLinks.Verdict.Valid.class);
        assertThat(tokens(List.of(OLD_KEY), NOW.plus(Duration.ofDays(30))).verify(link))
                .isInstanceOf(SignedLinks.Verdict.Expired.class);
    }

    @Test
    void afterARotationOldLinksHoldWhileTheOldKeyIsKeptAndNewOnesUseTheNewKey() {
        String before = tokens(List.of(OLD_KEY), NOW).sign("lien@cci.fr");
        LinkTokens rotating = tokens(List.of(NEW_KEY, OLD_KEY), NOW);
        String after = rotating.sign("lien@cci.fr");

        assertThat(rotating.adviser(before)).contains("lien@cci.fr");
        assertThat(tokens(List.of(NEW_KEY), NOW).adviser(after)).contains("lien@cci.fr");
        assertThat(tokens(List.of(NEW_KEY), NOW).verify(before)).isInstanceOf(SignedLinks.Verdict.Invalid.class);
    }

    @Test
    void aLinkForAnotherAdviserOrALaterExpiryCannotBeMadeFromOne() {
        String link = tokens(List.of(OLD_KEY), NOW).sign("lien@cci.fr");
        String[] parts = link.split("\\.");
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String otherAdviser = base64.encodeToString("chef@cci.fr".getBytes()) + "." + parts[1] + "." + parts[2];
        String longer = parts[0] + "." + base64.encodeToString("99999999999".getBytes()) + "." + parts[2];

        LinkTokens verifier = tokens(List.of(OLD_KEY), NOW);
        assertThat(verifier.verify(otherAdviser)).isInstanceOf(SignedLinks.Verdict.Invalid.class);
        assertThat(verifier.verify(longer)).isInstanceOf(SignedLinks.Verdict.Invalid.class);
        assertThat(verifier.verify("not a token")).isInstanceOf(SignedLinks.Verdict.Invalid.class);
        assertThat(verifier.verify(null)).isInstanceOf(SignedLinks.Verdict.Invalid.class);
    }

    @Test
    void noKeyOrAShortKeyStopsTheServiceFromStarting() {
        assertThatThrownBy(() -> tokens(List.of(), NOW)).hasMessageContaining("link-keys is not set");
        assertThatThrownBy(() -> tokens(List.of(" "), NOW)).hasMessageContaining("link-keys is not set");
        assertThatThrownBy(() -> tokens(List.of("short"), NOW)).hasMessageContaining("at least 32 bytes");
    }
}
