package fr.dynamiques.sante.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-origin reads of the JSON API (CORS): a web application served from any other origin may GET and HEAD it, and
 * read its validators. Nothing else: a preflight for another method, or for a header such as Authorization, gets no
 * permission, so no write and no read with a token is made from another site's page, and no credentials are ever
 * allowed. The pages and /q/ are left alone (their forms are same-origin and carry their own token).
 */
@ApplicationScoped
public class CrossOrigin {

    static final Set<String> METHODS = Set.of("GET", "HEAD");
    static final Set<String> HEADERS = Set.of("accept", "accept-language", "if-none-match", "if-modified-since",
            "cache-control");
    static final String EXPOSED = "ETag, Last-Modified, Link, Retry-After, Content-Disposition, Location";

    void apiOnly(@Observes Router router) {
        router.route("/api/*").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            context.next();
            return;
        }
        String asked = request.getHeader("Access-Control-Request-Method");
        if (request.method() == HttpMethod.OPTIONS && asked != null) {
            // A preflight: allowed only for a read with plain headers; otherwise answered without any permission.
            if (METHODS.contains(asked.toUpperCase(Locale.ROOT))
                    && plain(request.getHeader("Access-Control-Request-Headers"))) {
                context.response().putHeader("Access-Control-Allow-Origin", "*")
                        .putHeader("Access-Control-Allow-Methods", "GET, HEAD")
                        .putHeader("Access-Control-Allow-Headers", String.join(", ", HEADERS))
                        .putHeader("Access-Control-Max-Age", "86400");
            }
            context.response().putHeader("Vary", "Origin").setStatusCode(204).end();
            return;
        }
        if (METHODS.contains(request.method().name())) {
            context.response().putHeader("Access-Control-Allow-Origin", "*").putHeader("Access-Control-Expose-Headers",
                    EXPOSED);
        }
        context.next();
    }

    private static boolean plain(String headers) {
        return headers == null || headers.isBlank() || Arrays.stream(headers.split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).allMatch(HEADERS::contains);
    }
}
