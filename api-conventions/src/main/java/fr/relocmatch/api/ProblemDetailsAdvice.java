package fr.relocmatch.api;

import java.util.Arrays;
import org.springframework.beans.TypeMismatchException;
import fr.relocmatch.contracts.schema.FieldViolation;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Turns every kind of bad input into an RFC 9457 problem detail whose {@code errors} member names
 * each offending field, so that no malformed request ever ends in a 500.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            violations.add(new FieldViolation(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                violations.add(new FieldViolation(error.getObjectName(), error.getDefaultMessage())));
        return invalid(violations, ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors errors) {
                // A validated body or model object: name its fields, not the Java parameter.
                errors.getFieldErrors().forEach(error ->
                        violations.add(new FieldViolation(error.getField(), error.getDefaultMessage())));
                return;
            }
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().stream()
                    .map(MessageSourceResolvable::getDefaultMessage)
                    .forEach(message -> violations.add(new FieldViolation(name, message)));
        });
        return invalid(violations, ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalid(List.of(new FieldViolation(ex.getParameterName(), "is required")), ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : String.valueOf(ex.getPropertyName());
        return invalid(List.of(new FieldViolation(field, "has an invalid value '" + ex.getValue() + "'")),
                ex, headers, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON for this resource.");
        problem.setTitle("Malformed request body");
        problem.setType(ProblemTypes.MALFORMED_BODY);
        problem.setProperty("errors", List.of(bodyViolation(ex)));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * A lost race: another request changed the document between this one's read and its write (the
     * optimistic lock on {@code version}), or took the same unique key. Nothing was written; the
     * client reads again and retries. An {@code If-Match} that was already stale is a 412, answered
     * before any write.
     */
    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ResponseEntity<Object> handleLostRace(DataAccessException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this resource at the same moment; nothing was saved. Read it again and retry.");
        problem.setTitle("Concurrent change");
        problem.setType(ProblemTypes.CONCURRENT_CHANGE);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    private ResponseEntity<Object> invalid(List<FieldViolation> violations, Exception ex, HttpHeaders headers,
            WebRequest request) {
        ProblemDetail problem = new InvalidInputException(violations).getBody();
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Names the JSON path Jackson was reading when it failed, without echoing parser internals. */
    static FieldViolation bodyViolation(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                    && format.getTargetType().isEnum()) {
                // not Jackson's wording, which names the Java class: the values the client may send
                String path = jsonPath(format.getPath());
                return new FieldViolation(path.isEmpty() ? "$" : path, "'" + format.getValue() + "' is not one of "
                        + String.join(", ", Arrays.stream(format.getTargetType().getEnumConstants())
                                .map(String::valueOf).toList()));
            }
            if (cause instanceof JacksonException jackson) {
                String path = jsonPath(jackson.getPath());
                String message = jackson.getOriginalMessage();
                int detailStart = message == null ? -1 : message.indexOf(" (");
                String reason = detailStart > 0 ? message.substring(0, detailStart) : message;
                // a client has no use for our class names: `fr.relocmatch.x.DemandRequest$Volume` → `Volume`
                reason = reason == null ? null : reason.replaceAll("`(?:[a-z0-9_]+\\.)+(?:[A-Za-z0-9_]+\\$)*([A-Za-z0-9_]+)`", "`$1`");
                return new FieldViolation(path.isEmpty() ? "$" : path, reason == null ? "unreadable" : reason);
            }
        }
        return new FieldViolation("$", "the body is missing or unreadable");
    }

    /** {@code certifications[0].validUntil}: the path of a JSON value, as clients name fields. */
    public static String jsonPath(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
