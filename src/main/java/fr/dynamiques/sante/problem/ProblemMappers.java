package fr.dynamiques.sante.problem;

import java.util.List;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into RFC 9457 problem details. Client mistakes keep their 4xx status and a
 * readable detail; anything unexpected is a 500 whose body says nothing of the internals (the log does).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response known(ProblemException e, UriInfo uri) {
        return answer(e.status(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Server error on " + uri.getPath(), e);
        }
        // Framework messages ("HTTP 404 Not Found") add nothing to the title; keep them out.
        return answer(status, null, List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected error on " + uri.getPath(), e);
        return answer(500, "An unexpected error occurred; it has been logged.", List.of(), uri);
    }

    private static Response answer(int status, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, uri.getPath(), errors))
                .build();
    }
}
