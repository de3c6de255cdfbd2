package fr.relocmatch.console.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where the issuer sends the browser back after logging out: a page that offers to sign in again. */
@Controller
class SignedOutPage {

    @GetMapping("/signed-out")
    String signedOut() {
        return "signed-out";
    }
}
