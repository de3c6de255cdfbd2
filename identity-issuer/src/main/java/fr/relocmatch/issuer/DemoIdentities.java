package fr.relocmatch.issuer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people and partner organisations the embedded issuer knows, with what their tokens say:
 * roles ({@code ADVISER}, {@code REGION_ADMIN}, {@code PARTNER}, {@code AUDITOR}) and the régions
 * they serve (INSEE codes).
 *
 * @param audience the {@code aud} of every access token; the services accept no other
 * @param users people who log in with a password (authorization code with PKCE)
 * @param partners partner organisations by client id (client credentials): their {@code partner} claim
 */
@ConfigurationProperties("relocmatch.issuer")
public record DemoIdentities(String audience, List<Person> users, Map<String, Partner> partners) {

    public DemoIdentities {
        users = users == null ? List.of() : List.copyOf(users);
        partners = partners == null ? Map.of() : Map.copyOf(partners);
    }

    /** A person: login, password (a demo one, {@code {noop}} or {@code {bcrypt}} encoded), e-mail, roles, régions. */
    public record Person(String username, String password, String email, Set<String> roles, Set<String> regions) {

        public Person {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            regions = regions == null ? Set.of() : Set.copyOf(regions);
        }
    }

    /** A partner organisation: the source it signs its records with ({@code ce_source}). */
    public record Partner(String source) {
    }
}
