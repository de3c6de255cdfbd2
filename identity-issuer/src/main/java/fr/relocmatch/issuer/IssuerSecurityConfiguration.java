package fr.relocmatch.issuer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The authorization server's endpoints, a login form for people, and what goes into the tokens:
 * the audience of the RelocMatch services, and the {@code roles}, {@code regions}, {@code email}
 * and {@code partner} claims they authorise on.
 */
@Configuration(proxyBeanMethods = false)
class IssuerSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(Customizer.withDefaults());
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        http.exceptionHandling(refusals -> refusals.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health/**", "/error").permitAll()
                .anyRequest().authenticated());
        http.formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    InMemoryUserDetailsManager people(DemoIdentities identities) {
        List<UserDetails> users = new ArrayList<>();
        for (DemoIdentities.Person person : identities.users()) {
            users.add(User.withUsername(person.username()).password(person.password())
                    .roles(person.roles().toArray(String[]::new)).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /**
     * Access tokens carry the services' audience and what the person or partner may do; ID tokens
     * carry the e-mail and roles for the console's login.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> relocmatchClaims(DemoIdentities identities) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            if (!accessToken && !idToken) {
                return;
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                String clientId = context.getRegisteredClient().getClientId();
                Optional.ofNullable(identities.partners().get(clientId)).ifPresent(partner -> {
                    context.getClaims().audience(List.of(identities.audience()));
                    context.getClaims().claim("roles", List.of("PARTNER"));
                    context.getClaims().claim("partner", partner.source());
                });
                Optional.ofNullable(identities.machines().get(clientId)).ifPresent(machine -> {
                    context.getClaims().audience(List.of(identities.audience()));
                    context.getClaims().claim("roles", List.copyOf(machine.roles()));
                });
                return;
            }
            String username = context.getPrincipal().getName();
            identities.users().stream().filter(person -> person.username().equals(username)).findFirst()
                    .ifPresent(person -> {
                        if (accessToken) {
                            context.getClaims().audience(List.of(identities.audience()));
                        }
                        context.getClaims().claims(claims -> claims.putAll(Map.of("roles",
                                List.copyOf(person.roles()), "regions", List.copyOf(person.regions()), "email",
                                person.email())));
                    });
        };
    }
}
