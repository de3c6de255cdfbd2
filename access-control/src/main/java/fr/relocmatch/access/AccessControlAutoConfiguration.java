package fr.relocmatch.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every service's HTTP security: a stateless OAuth 2 resource server. Health, reference
 * vocabularies, API documents, the signed preferences links and profile confirmation links are open; the metrics need
 * {@code REGION_ADMIN} or {@code MONITORING}, the rest of the actuator {@code REGION_ADMIN}; every
 * other request needs a valid token of a person or partner, and the controllers decide per record
 * with {@link Caller}. The issuer and audience are Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"},
        afterName = {"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "fr.relocmatch.state.events.StateEventsAutoConfiguration", "fr.relocmatch.api.ApiConventionsAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(RefusalAdvice.class)
@EnableConfigurationProperties(InstanceRegion.class)
public class AccessControlAutoConfiguration {

    /** Open to anyone: what a client needs before it has a token, and what holds no personal data. */
    public static final List<String> OPEN = List.of("/actuator/health", "/actuator/health/**",
            "/api/v1/reference/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
            "/swagger-ui/**", "/api/v1/preferences", "/api/v1/preferences/**", "/api/v1/profile-confirmations",
            "/error");

    @Bean
    SecurityFilterChain relocmatchAccess(HttpSecurity http, JsonMapper json) throws Exception {
        RefusalProblems refusals = new RefusalProblems(json);
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(OPEN.toArray(String[]::new)).permitAll()
                .requestMatchers("/actuator/prometheus").hasAnyRole(Role.REGION_ADMIN.name(), Role.MONITORING.name())
                .requestMatchers("/actuator/**").hasRole(Role.REGION_ADMIN.name())
                .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                // a scraper's token opens the metrics only
                .anyRequest().hasAnyRole(Role.ADVISER.name(), Role.REGION_ADMIN.name(), Role.PARTNER.name(),
                        Role.AUDITOR.name()));
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                .authenticationEntryPoint(refusals)
                .accessDeniedHandler(refusals));
        http.exceptionHandling(handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals));
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        // Bearer tokens, no cookies: nothing for a cross-site request to ride on.
        http.csrf(AbstractHttpConfigurer::disable);
        http.requestCache(cache -> cache.disable());
        return http.build();
    }

    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    AuditTrail auditTrail(MongoTemplate mongo, ObjectProvider<Clock> clock, InstanceRegion region) {
        return new AuditTrail(mongo, clock.getIfAvailable(Clock::systemUTC), region.code());
    }

    @Bean
    @ConditionalOnBean(AuditTrail.class)
    AuditController auditController(AuditTrail trail, InstanceRegion region) {
        return new AuditController(trail, region.code());
    }

    /** The {@code roles} claim as {@code ROLE_*} authorities; the subject stays the token's {@code sub}. */
    static JwtAuthenticationConverter rolesFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        Converter<Jwt, Collection<GrantedAuthority>> roles = token -> Caller.of(token).roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }
}
