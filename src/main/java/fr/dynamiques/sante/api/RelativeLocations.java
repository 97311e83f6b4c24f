package fr.dynamiques.sante.api;

import java.net.URI;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Redirects and created resources name their address from the root ({@code Location: /espace}), as RFC 9110 allows:
 * never with the host the request's Host header claimed, which anyone can set (a link to another site in our answer).
 */
public class RelativeLocations {

    @ServerResponseFilter
    public void relative(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI uri = location instanceof URI u ? u : URI.create(location.toString());
        if (uri.isAbsolute()) {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            // A path starting with "//" would be read as another host: one slash.
            path = path.replaceFirst("^/+", "/");
            response.getHeaders().putSingle(HttpHeaders.LOCATION,
                    path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
    }
}
