package fr.dynamiques.sante.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Refuses {@link AdminOnly} endpoints to anyone without the admin token, before the body is read. */
@Provider
@AdminOnly
public class AdminOnlyFilter implements ContainerRequestFilter {

    private final AdminToken token;

    AdminOnlyFilter(AdminToken token) {
        this.token = token;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        token.require(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }
}
