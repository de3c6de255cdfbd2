package fr.relocmatch.issuer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people and partner organisations the embedded issuer knows, with what their tokens say:
 * roles ({@code ADVISER}, {@code REGION_ADMIN}, {@code PARTNER}, {@code AUDITOR}, {@code MONITORING}) and the régions
 * they serve (INSEE codes).
 *
 * @param audience the {@code aud} of every access token; the services accept no other
 * @param users people who log in with a password (authorization code with PKCE)
 * @param partners partner organisations by client id (client credentials): their {@code partner} claim
 * @param machines other clients by client id (client credentials), such as the metrics scraper: their roles
 */
@ConfigurationProperties("relocmatch.issuer")
public record DemoIdentities(String audience, List<Person> users, Map<String, Partner> partners,
        Map<String, Machine> machines) {

    public DemoIdentities {
        users = users == null ? List.of() : List.copyOf(users);
        partners = partners == null ? Map.of() : Map.copyOf(partners);
        machines = machines == null ? Map.of() : Map.copyOf(machines);
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

    /** A machine client: its roles ({@code MONITORING} for the metrics scraper). */
    public record Machine(Set<String> roles) {

        public Machine {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }
}
