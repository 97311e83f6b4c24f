package fr.dynamiques.sante.problem;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The transport's limits answered with problem details, before any body is read: an address longer than
 * {@value #MAX_URI} characters (414; the HTTP decoder itself reads up to quarkus.http.limits.max-initial-line-length
 * and answers a bare 414 beyond), a body announced larger than quarkus.http.limits.max-body-size (413). The latter runs
 * just before Quarkus's own check (route order -2) and answers as it does: the connection closes once the answer is
 * out, so that a client waiting to send its body (Expect: 100-continue) gets its answer at once.
 */
@ApplicationScoped
public class TransportLimits {

    static final int MAX_URI = 32_768;
    /** Just before Quarkus's own body-size check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    private static final int BEFORE_UPLOAD_LIMIT = -3;

    private final long maxBody;
    private final ObjectMapper json;

    TransportLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBody,
            ObjectMapper json) {
        this.maxBody = maxBody.map(MemorySize::asLongValue).orElse(10_240L * 1024);
        this.json = json;
    }

    void limits(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::address);
        router.route().order(BEFORE_UPLOAD_LIMIT).handler(this::body);
    }

    private void address(RoutingContext context) {
        if (context.request().uri().length() <= MAX_URI) {
            context.next();
            return;
        }
        answer(context, 414, "URI Too Long",
                "The address is longer than " + MAX_URI + " characters: send fewer or shorter parameters.");
    }

    private void body(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) <= maxBody) {
            context.next();
            return;
        }
        context.response().putHeader("Connection", "close").endHandler(ended -> context.request().connection().close());
        answer(context, 413, "Content Too Large",
                "The body is larger than " + maxBody / (1024 * 1024) + " MB: split it into several requests.");
    }

    private void answer(RoutingContext context, int status, String title, String detail) {
        String path = context.request().path();
        Problem problem = new Problem("about:blank", title, status, detail, path.length() > 200 ? path.substring(0, 200) : path,
                List.of());
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
