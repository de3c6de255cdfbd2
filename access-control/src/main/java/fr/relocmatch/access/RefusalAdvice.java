package fr.relocmatch.access;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A refusal decided in a controller (the record's région, who submitted it): 403 as problem details. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RefusalAdvice {

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail refused(AccessDeniedException refusal, HttpServletRequest request) {
        ProblemDetail problem = RefusalProblems.forbidden(refusal.getMessage());
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }
}
