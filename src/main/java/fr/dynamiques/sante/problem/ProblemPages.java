package fr.dynamiques.sante.problem;

import java.util.List;

/**
 * Where errors are shown as pages rather than problem details, and how: the web layer says it (its error page), so that
 * error mapping depends on no page.
 */
public interface ProblemPages {

    /** Whether the path is a page's (else the answer is problem+json). */
    boolean serves(String path);

    /** The page telling a visitor what went wrong, in their language. */
    String render(int status, List<Problem.FieldError> errors);
}
