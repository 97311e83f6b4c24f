package fr.dynamiques.sante.problem;

import java.util.List;

/** A client mistake the application recognised, answered as problem details with this status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String detail, Problem.FieldError... errors) {
        return new ProblemException(400, detail, List.of(errors));
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, detail, List.of());
    }

    /** The directory cannot answer now but will shortly (answered with Retry-After). */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, detail, List.of());
    }

    public int status() {
        return status;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
