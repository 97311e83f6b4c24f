package fr.dynamiques.sante.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * whole answer for the filtered one. So is a parameter of one value given twice ({@code ?page=1&page=2}): which one
 * counted would be a guess.
 */
public class KnownParameters {

    /** An operation's query parameters, each with whether it takes several values (a list). */
    private final Map<Method, Map<String, Boolean>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext context, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !context.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        Map<String, Boolean> accepted = known.computeIfAbsent(method, KnownParameters::queryParameters);
        List<FieldError> wrong = new ArrayList<>();
        Map<String, List<String>> given = new TreeMap<>(context.getUriInfo().getQueryParameters());
        given.forEach((name, values) -> {
            String field = name.length() > 40 ? name.substring(0, 40) + "…" : name;
            if (!accepted.containsKey(name)) {
                wrong.add(new FieldError(field, accepted.isEmpty() ? "this operation takes no query parameter"
                        : "unknown parameter; this operation takes " + String.join(", ", accepted.keySet())));
            } else if (!accepted.get(name) && values.size() > 1) {
                wrong.add(new FieldError(field, "given " + values.size() + " times; it takes one value"));
            }
        });
        if (!wrong.isEmpty()) {
            throw new ProblemException(400, "Unknown or repeated query parameter(s).", wrong);
        }
    }

    /** The method's query parameters, those gathered in a {@link BeanParam} included, and whether each takes a list. */
    private static Map<String, Boolean> queryParameters(Method method) {
        Map<String, Boolean> names = new TreeMap<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            boolean several = Collection.class.isAssignableFrom(method.getParameterTypes()[i]);
            Arrays.stream(annotations[i]).filter(QueryParam.class::isInstance)
                    .forEach(a -> names.put(((QueryParam) a).value(), several));
            if (Arrays.stream(annotations[i]).anyMatch(BeanParam.class::isInstance)) {
                for (Field field : method.getParameterTypes()[i].getFields()) {
                    QueryParam query = field.getAnnotation(QueryParam.class);
                    if (query != null) {
                        names.put(query.value(), Collection.class.isAssignableFrom(field.getType()));
                    }
                }
            }
        }
        return names;
    }
}
