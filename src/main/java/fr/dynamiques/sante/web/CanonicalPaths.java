package fr.dynamiques.sante.web;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * One address per page: {@code /territoires/regions/84/} is sent to {@code /territoires/regions/84} (308). The routes
 * would answer both, but the maps link communes relatively ({@code ../communes/38185}), which resolves only from the
 * address without the slash.
 */
public class CanonicalPaths {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> withoutFinalSlash(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (path.length() <= 1 || !path.endsWith("/") || path.startsWith("/api/") || path.startsWith("/q/")) {
            return Optional.empty();
        }
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        // Leading slashes collapsed too: "//elsewhere.example/" must not become a link to another host.
        String canonical = "/" + path.replaceAll("^/+|/+$", "");
        return Optional.of(Response.status(Response.Status.PERMANENT_REDIRECT)
                .location(URI.create(canonical + (query == null ? "" : "?" + query))).build());
    }
}
