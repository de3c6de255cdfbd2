package fr.relocmatch.demand.relocation;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A lifecycle move the demand's status does not allow: answered 409 with the allowed moves. */
class IllegalTransitionException extends ErrorResponseException {

    IllegalTransitionException(String demandId, DemandStatus from, DemandStatus to) {
        super(HttpStatus.CONFLICT, problem(demandId, from, to), null);
    }

    private static ProblemDetail problem(String demandId, DemandStatus from, DemandStatus to) {
        String allowed = from.isFinal() ? "none: " + from + " is final" : from.next().toString();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Demand " + demandId + " is " + from + " and cannot become " + to + ". Allowed from " + from + ": "
                        + allowed + ".");
        problem.setTitle("Illegal demand transition");
        problem.setType(URI.create("https://relocmatch.fr/problems/illegal-transition"));
        // "status" is RFC 9457's HTTP code: the demand's own status goes under its own name
        problem.setProperty("demandStatus", from);
        problem.setProperty("requested", to);
        problem.setProperty("allowed", from.isFinal() ? List.of() : from.next().stream().sorted().toList());
        return problem;
    }
}
