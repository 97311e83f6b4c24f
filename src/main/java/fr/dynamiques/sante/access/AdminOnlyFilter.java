package fr.dynamiques.sante.access;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import fr.dynamiques.sante.problem.ProblemException;

/** Refuses {@link AdminOnly} endpoints to anyone but an admin, before the body is read. */
@Provider
@AdminOnly
public class AdminOnlyFilter implements ContainerRequestFilter {

    private final Callers callers;

    AdminOnlyFilter(Callers callers) {
        this.callers = callers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!callers.require(request.getHeaderString(HttpHeaders.AUTHORIZATION)).isAdmin()) {
            throw new ProblemException(403, "Only the network's administrators may do this.", List.of());
        }
    }
}
