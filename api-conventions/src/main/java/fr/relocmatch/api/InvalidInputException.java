package fr.relocmatch.api;

import java.util.ArrayList;
import fr.relocmatch.contracts.schema.FieldViolation;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Input that is well formed but breaks a domain rule (unknown commune, unknown process code...):
 * answered as a 400 problem detail listing each offending field, nothing persisted.
 */
public class InvalidInputException extends ErrorResponseException {

    private final List<FieldViolation> violations;

    public InvalidInputException(List<FieldViolation> violations) {
        super(HttpStatus.BAD_REQUEST, ProblemDetails.invalidInput(violations), null);
        this.violations = List.copyOf(violations);
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    @Override
    public String getMessage() {
        return "Invalid input: " + violations;
    }

    /** Collects violations so that a request is answered with all its faults at once. */
    public static final class Collector {

        private final ArrayList<FieldViolation> violations = new ArrayList<>();

        public Collector add(String field, String message) {
            violations.add(new FieldViolation(field, message));
            return this;
        }

        /** Throws if anything was collected. */
        public void throwIfAny() {
            if (!violations.isEmpty()) {
                throw new InvalidInputException(violations);
            }
        }
    }

    /** Builds the problem body shared by every invalid-input answer. */
    static final class ProblemDetails {

        private ProblemDetails() {
        }

        static ProblemDetail invalidInput(List<FieldViolation> violations) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The request has " + violations.size() + " invalid field(s).");
            problem.setTitle("Invalid request");
            problem.setType(ProblemTypes.INVALID_INPUT);
            problem.setProperty("errors", List.copyOf(violations));
            return problem;
        }
    }
}
