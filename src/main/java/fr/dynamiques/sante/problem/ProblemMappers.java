package fr.dynamiques.sante.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into RFC 9457 problem details. Client mistakes keep their 4xx status and a
 * readable detail; anything unexpected is a 500 whose body says nothing of the internals (the log does).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "10";
    /** A throttled request waits for its window (account.Throttle) to move on. */
    private static final String THROTTLED_SECONDS = "900";
    private static final String CHALLENGE = "Bearer realm=\"directory\"";

    private final ProblemPages pages;

    ProblemMappers(ProblemPages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response known(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder answer = answer(e.status(), e.getMessage(), e.errors(), uri);
        if (e.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        } else if (e.status() == 503) {
            answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        } else if (e.status() == 429) {
            answer.header(HttpHeaders.RETRY_AFTER, THROTTLED_SECONDS);
        }
        return answer.build();
    }

    /** A bearer token that is malformed, unknown, revoked or expired (RFC 6750: invalid_token). */
    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e, UriInfo uri) {
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "The bearer token is not valid." : e.getMessage();
        return answer(401, detail, List.of(), uri).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"")
                .build();
    }

    /** An endpoint for signed-in callers, called anonymously. */
    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, UriInfo uri) {
        return answer(401, "This request needs the header Authorization: Bearer <token>.", List.of(), uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    /** A role the endpoint does not admit. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(403, "Your role may not do this.", List.of(), uri).build();
    }

    /** A body that is not JSON, or JSON of the wrong shape: the client's mistake, named by its path. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        JsonMistake mistake = JsonMistake.of(e);
        return answer(400, "The request body is not valid JSON for this endpoint.",
                List.of(new Problem.FieldError(mistake.field().isEmpty() ? "body" : mistake.field(), mistake.message())), uri)
                .build();
    }

    // The Jackson extension maps these two itself (without problem details); ours, for the same types, win.
    @ServerExceptionMapper
    public Response notJson(JsonParseException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    /**
     * Inputs typed at the door and checked by Bean Validation ({@code @Min(0) int page}): each violation named by its
     * parameter (the last node of its path), with the constraint's message. A violated return value is a server bug.
     */
    @ServerExceptionMapper
    public Response invalid(jakarta.validation.ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::ofReturnValue)) {
            return unexpected(e, uri);
        }
        return invalid(e.getConstraintViolations().stream().map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList(), uri);
    }

    /** A parameter's text that is not of its type: answered as a violation of its constraints is. */
    @ServerExceptionMapper
    public Response unreadableParameter(UnreadableParameter e, UriInfo uri) {
        return invalid(List.of(e.error()), uri);
    }

    private Response invalid(List<Problem.FieldError> errors, UriInfo uri) {
        return answer(400, "Invalid " + String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList())
                + ".", errors, uri).build();
    }

    private static boolean ofReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    private static String field(ConstraintViolation<?> violation) {
        String name = "";
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name;
    }

    /**
     * Validation lets through only what the database accepts, but two writers may race for one key: the
     * database keeps the first. The constraint is logged: a conflict seen without a race is a validation gap.
     */
    @ServerExceptionMapper
    public Response conflict(ConstraintViolationException e, UriInfo uri) {
        LOG.warn("Constraint " + e.getConstraintName() + " violated on " + uri.getPath());
        return answer(409, "The change conflicts with the registry's current state (perhaps a simultaneous change); "
                + "nothing was written.", List.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 300 && status < 400) {
            return e.getResponse(); // a redirection (a former code to today's page) is an answer, not a problem
        }
        if (status >= 500) {
            LOG.error("Server error on " + uri.getPath(), e);
        }
        // Framework messages ("HTTP 404 Not Found") add nothing to the title; keep them out.
        return answer(status, null, List.of(), uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (unstorable(e)) {
            return answer(400, "The request holds a character the registry cannot store (such as U+0000).", List.of(), uri)
                    .build();
        }
        if (unavailable(e)) {
            // A service down is not a bug: say so, and when to come back. Readiness says DOWN meanwhile.
            LOG.warn("Service unavailable on " + uri.getPath() + ": " + e);
            return answer(503,
                    "A service the directory relies on (database or search engine) is unavailable; try again shortly.",
                    List.of(), uri).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected error on " + uri.getPath(), e);
        return answer(500, "An unexpected error occurred; it has been logged.", List.of(), uri).build();
    }

    /** Whether PostgreSQL refused a text it cannot hold in UTF-8 (a NUL character): the client's input, not a bug. */
    static boolean unstorable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql
                    && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure comes from a connection to PostgreSQL or to the search engine that could not be made or broke. */
    static boolean unavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof java.net.ConnectException
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Problem details from the API; an error page, in the visitor's language, from the pages. */
    private Response.ResponseBuilder answer(int status, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        if (pages.serves(uri.getPath())) {
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(pages.render(status, errors));
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "HTTP " + status;
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, uri.getPath(), errors));
    }
}
