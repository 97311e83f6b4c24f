package fr.dynamiques.sante.problem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * An address longer than {@value #MAX_URI} characters is answered with problem details (414), before any route: the
 * HTTP decoder itself reads up to quarkus.http.limits.max-initial-line-length and answers a bare 414 beyond. (A body
 * over quarkus.http.limits.max-body-size is still refused by Quarkus itself with a bare 413: its body handler ends the
 * answer before any route or error handler of ours runs.)
 */
@ApplicationScoped
public class TransportLimits {

    static final int MAX_URI = 32_768;

    private final ObjectMapper json;

    TransportLimits(ObjectMapper json) {
        this.json = json;
    }

    void limits(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (context.request().uri().length() <= MAX_URI) {
            context.next();
            return;
        }
        String path = context.request().path();
        Problem problem = new Problem("about:blank", "URI Too Long", 414, "The address is longer than " + MAX_URI
                + " characters: send fewer or shorter parameters.", path.length() > 200 ? path.substring(0, 200) : path, List.of());
        try {
            context.response().setStatusCode(414).putHeader("Content-Type", Problem.MEDIA_TYPE).end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}
