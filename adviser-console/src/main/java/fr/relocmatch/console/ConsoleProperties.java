package fr.relocmatch.console;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the console finds the services, and which login it relays to them.
 *
 * @param services base URL of each service's REST API
 * @param registrationId the OAuth 2 client registration people log in with
 *        ({@code spring.security.oauth2.client.registration.<id>})
 */
@ConfigurationProperties("relocmatch.console")
@Validated
public record ConsoleProperties(@NotNull @Valid Services services, @NotBlank String registrationId) {

    public record Services(@NotNull URI company, @NotNull URI demand, @NotNull URI matching, @NotNull URI notification) {
    }
}
