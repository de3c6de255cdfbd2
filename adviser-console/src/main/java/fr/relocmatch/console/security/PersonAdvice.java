package fr.relocmatch.console.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows who is signed in ({@code me}), for the header and the actions it offers. */
@ControllerAdvice
class PersonAdvice {

    @ModelAttribute("me")
    SignedInPerson me(@AuthenticationPrincipal OidcUser user) {
        return user == null ? null : SignedInPerson.of(user);
    }
}
