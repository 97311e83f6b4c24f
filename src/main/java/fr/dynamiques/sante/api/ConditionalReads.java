package fr.dynamiques.sante.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Validators and cache directives of the API's reads. A {@link Cached} read gets an {@code ETag} and a
 * {@code Last-Modified} from what it depends on, computed before the resource runs, so that a client holding the
 * current version gets a 304 without the work (an export of the whole registry is not even read). Answers with personal
 * data (an admin's view) are private to the caller; every other API answer is {@code no-store} (tokens, accounts, ...).
 */
public class ConditionalReads {

    private static final String VALIDATOR = ConditionalReads.class.getName() + ".validator";

    /** What a cached read's answer is validated by, and how long caches may keep it. */
    private record Validators(EntityTag tag, Instant lastModified, String cacheControl) {
    }

    private final RegistryState registry;
    private final ReferentialState cog;
    private final SecurityIdentity caller;

    ConditionalReads(RegistryState registry, ReferentialState cog, SecurityIdentity caller) {
        this.registry = registry;
        this.cog = cog;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Response check(ContainerRequestContext context, ResourceInfo resource, Request request) {
        Cached cached = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(Cached.class);
        if (cached == null || !(context.getMethod().equals("GET") || context.getMethod().equals("HEAD"))) {
            return null;
        }
        Validators validators = validators(cached.value());
        context.setProperty(VALIDATOR, validators);
        if (validators.tag() == null) {
            return null;
        }
        Response.ResponseBuilder notModified = request.evaluatePreconditions(Date.from(validators.lastModified()),
                validators.tag());
        return notModified == null ? null : decorate(notModified, validators).build();
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext context, ContainerResponseContext response) {
        if (!context.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Validators validators = (Validators) context.getProperty(VALIDATOR);
        if (validators != null && response.getStatus() == 200) {
            if (validators.tag() != null && !response.getHeaders().containsKey(HttpHeaders.ETAG)) {
                response.getHeaders().putSingle(HttpHeaders.ETAG, validators.tag());
                response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, Date.from(validators.lastModified()));
            }
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, validators.cacheControl());
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        } else if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private Validators validators(Cached.Validator validator) {
        return switch (validator) {
            case REFERENTIAL ->
                new Validators(new EntityTag("c" + cog.loadId()), seconds(cog.loadedAt()), "public, max-age=86400");
            case REGISTRY -> {
                RegistryState.State state = registry.now();
                boolean full = caller.hasRole("ADMIN"); // an admin reads personal data: another answer
                Instant changed = state.changedAt().isAfter(cog.loadedAt()) ? state.changedAt() : cog.loadedAt();
                yield new Validators(new EntityTag("r" + state.revision() + "-c" + cog.loadId() + (full ? "-full" : "")),
                        seconds(changed),
                        full ? "private, no-cache" : "public, max-age=60");
            }
            case INDEX -> new Validators(null, null, "public, max-age=10");
        };
    }

    private static Response.ResponseBuilder decorate(Response.ResponseBuilder answer, Validators validators) {
        return answer.tag(validators.tag()).lastModified(Date.from(validators.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, validators.cacheControl())
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    }

    /** HTTP dates have whole seconds: a Last-Modified with a fraction would never equal the If-Modified-Since sent back. */
    private static Instant seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
