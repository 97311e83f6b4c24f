package fr.dynamiques.sante.health;

import java.util.Set;

import jakarta.inject.Singleton;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.micrometer.core.instrument.Tags;
import io.quarkus.micrometer.runtime.HttpServerMetricsTagsContributor;
import io.vertx.core.Vertx;

/**
 * Bounds the labels of the HTTP metrics: a request no route matched is {@code uri="UNKNOWN"} whatever its method and
 * status (an OPTIONS, a "//path", a redirect of a made-up path), and a made-up method is {@code method="OTHER"}. A
 * scanner then adds no series, and real routes keep being measured (Quarkus stops adding uri values after 100).
 * Requests a REST method answers keep their route template; Quarkus's own endpoints and static files, which only answer
 * GET on their own paths, keep theirs.
 */
@Singleton
public class RequestLabels implements HttpServerMetricsTagsContributor {

    private static final String MATCHED = RequestLabels.class.getName() + ".matched";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

    /** Runs once a REST method matched the request, on the request's own context. */
    @ServerRequestFilter
    public void matched() {
        var context = Vertx.currentContext();
        if (context != null) {
            context.putLocal(MATCHED, Boolean.TRUE);
        }
    }

    @Override
    public Tags contribute(Context context) {
        String method = context.request().method().name();
        Tags tags = Tags.of("method", METHODS.contains(method) ? method : "OTHER");
        int status = context.response() == null ? 0 : context.response().statusCode();
        boolean matched = Boolean.TRUE.equals(context.requestContextLocalData(MATCHED));
        boolean served = (method.equals("GET") || method.equals("HEAD")) && status >= 200 && status < 300
                && !context.request().path().contains("//");
        if (status == 404) {
            return tags.and("uri", "NOT_FOUND");
        }
        return matched || served ? tags : tags.and("uri", "UNKNOWN");
    }
}
