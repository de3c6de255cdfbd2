package fr.relocmatch.console.security;

import fr.relocmatch.console.ConsoleProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Every page needs a login (but the e-mails' preferences and unsubscribe links, signed for their recipient, and the profile confirmation links of reminders, signed for the company): OpenID Connect authorization code with PKCE (also for this
 * confidential client) against the programme's issuer. Logging out ends the issuer's session too.
 * An htmx request whose session has ended gets 401 and {@code HX-Redirect} to the page, which then
 * goes through the login, rather than the issuer's login page inside a fragment.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    @Bean
    SecurityFilterChain console(HttpSecurity http, ClientRegistrationRepository registrations,
            ConsoleProperties properties) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                "/oauth2/authorization");
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/actuator/health/**", "/css/**", "/webjars/**", "/signed-out", "/error").permitAll()
                // the e-mails' links: their signed token is the authorisation (checked by notification-service)
                .requestMatchers("/preferences", "/unsubscribe", "/confirm-profile").permitAll()
                .anyRequest().authenticated());
        http.oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(withPkce)));
        http.logout(out -> out.logoutSuccessHandler(logout));
        // RFC 8058: mail clients POST "List-Unsubscribe=One-Click" to the link, with no cookie or form token
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/unsubscribe"));
        http.exceptionHandling(refusals -> refusals.defaultAuthenticationEntryPointFor((request, response, ex) -> {
            response.setHeader("HX-Redirect", request.getHeader("HX-Current-URL") != null
                    ? request.getHeader("HX-Current-URL") : "/");
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED).commence(request, response, ex);
        }, request -> "true".equals(request.getHeader("HX-Request"))));
        return http.build();
    }

    /** Gets (and refreshes, with the refresh token) the signed-in person's access token for the service calls. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClients(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations,
                authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode()
                .refreshToken().build());
        return manager;
    }
}
