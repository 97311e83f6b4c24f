package fr.dynamiques.sante.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/** Refuses {@link SignedIn} endpoints to anonymous or unknown callers, before the body is read. */
@Provider
@SignedIn
public class SignedInFilter implements ContainerRequestFilter {

    private final Callers callers;

    SignedInFilter(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        callers.require(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }
}
