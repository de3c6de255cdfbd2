package fr.relocmatch.console.web;

import fr.relocmatch.console.api.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;

/**
 * A refusal the page did not handle itself becomes a page that says what happened in the person's
 * words — not allowed, not found, changed meanwhile, or a service out of reach — with the same
 * status code, never a stack trace.
 */
@ControllerAdvice
class ProblemPages {

    @ExceptionHandler(ApiProblem.class)
    String refused(ApiProblem problem, Model model, HttpServletResponse response) {
        int status = switch (problem.status()) {
            case 401, 403, 404, 409, 412 -> problem.status();
            default -> problem.status() >= 500 ? 502 : problem.status();
        };
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("problem", problem);
        return "problem";
    }

    @ExceptionHandler(ResourceAccessException.class)
    String unreachable(Model model, HttpServletResponse response) {
        response.setStatus(503);
        model.addAttribute("status", 503);
        return "problem";
    }
}
