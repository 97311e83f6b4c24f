package fr.dynamiques.sante.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;

/**
 * A query parameter the API operation does not take is a 400 naming it and those it takes: a misspelt or unsupported
 * filter ({@code ?departement=38}, {@code ?updatedSince=...}) would otherwise be ignored, and the client would take the
 * whole answer for the filtered one.
 */
public class KnownParameters {

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext context, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !context.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Set<String> accepted = known.computeIfAbsent(method, KnownParameters::queryParameters);
        List<FieldError> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(context.getUriInfo().getQueryParameters().keySet())) {
            if (!accepted.contains(name)) {
                unknown.add(new FieldError(name.length() > 40 ? name.substring(0, 40) + "…" : name,
                        accepted.isEmpty() ? "this operation takes no query parameter" : "unknown parameter; this operation takes " + String.join(", ", accepted)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "Unknown query parameter(s).", unknown);
        }
    }

    /** The method's query parameters, those gathered in a {@link BeanParam} included. */
    private static Set<String> queryParameters(Method method) {
        Set<String> names = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            Arrays.stream(annotations[i]).filter(QueryParam.class::isInstance).map(a -> ((QueryParam) a).value()).forEach(names::add);
            if (Arrays.stream(annotations[i]).anyMatch(BeanParam.class::isInstance)) {
                Arrays.stream(method.getParameterTypes()[i].getFields()).map(f -> f.getAnnotation(QueryParam.class))
                        .filter(q -> q != null).map(QueryParam::value).forEach(names::add);
            }
        }
        return names;
    }
}
