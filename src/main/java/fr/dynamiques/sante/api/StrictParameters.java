package fr.dynamiques.sante.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import fr.dynamiques.sante.problem.UnreadableParameter;

/**
 * How the text of a typed query parameter is read: whole numbers in ASCII digits ({@code Integer.parseInt} would take
 * "+3" and other scripts' digits), booleans as true or false in any case ({@code Boolean.valueOf} reads "yes" as false),
 * blank as absent (the default). Text that is none of these is a 400 naming the parameter with the message of its
 * range constraint, as an out-of-range value is answered, where the framework would answer 404.
 */
@Provider
public class StrictParameters implements ParamConverterProvider {

    private static final String DIGITS = "\\d{1,9}";
    private static final String LONG_DIGITS = "\\d{1,18}";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> type, Type generic, Annotation[] annotations) {
        Optional<String> name = Arrays.stream(annotations).filter(QueryParam.class::isInstance)
                .map(a -> ((QueryParam) a).value()).findFirst();
        if (name.isEmpty()) {
            return null;
        }
        String fallback = Arrays.stream(annotations).filter(DefaultValue.class::isInstance)
                .map(a -> ((DefaultValue) a).value()).findFirst().orElse(null);
        if (type == int.class || type == Integer.class) {
            return (ParamConverter<T>) new Reader<>(name.get(), fallback, expected(annotations), DIGITS, Integer::valueOf);
        }
        if (type == long.class || type == Long.class) {
            return (ParamConverter<T>) new Reader<>(name.get(), fallback, expected(annotations), LONG_DIGITS, Long::valueOf);
        }
        if (type == boolean.class || type == Boolean.class) {
            return (ParamConverter<T>) new Reader<>(name.get(), fallback, "true or false", "(?i)true|false",
                    Boolean::valueOf);
        }
        return null;
    }

    /** What the parameter takes, as its range constraint says it. */
    private static String expected(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof Min min) {
                return min.message();
            }
            if (annotation instanceof Max max) {
                return max.message();
            }
        }
        return "a whole number";
    }

    private record Reader<T>(String name, String fallback, String expected, String pattern,
            Function<String, T> parse) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            String text = value == null || value.isBlank() ? fallback : value.strip();
            if (text == null) {
                return null;
            }
            if (!text.matches(pattern)) {
                throw new UnreadableParameter(name, expected);
            }
            return parse.apply(text);
        }

        @Override
        public String toString(T value) {
            return String.valueOf(value);
        }
    }
}
