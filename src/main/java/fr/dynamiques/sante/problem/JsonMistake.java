package fr.dynamiques.sante.problem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What Jackson could not read, said the way the API speaks: the field as a path ("partners[0].roles[1]")
 * and a message a client can act on, without Java class names.
 */
public record JsonMistake(String field, String message) {

    public static JsonMistake of(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        return new JsonMistake(field, message(e));
    }

    public Problem.FieldError atRow(int row) {
        return new Problem.FieldError(row, field, message);
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String message(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof JsonParseException) {
            return "malformed JSON at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> type = m.getTargetType();
            if (type == LocalDate.class) {
                return "must be a date written YYYY-MM-DD";
            }
            if (Temporal.class.isAssignableFrom(type)) {
                return "must be a date and time (ISO 8601)";
            }
            if (type == BigDecimal.class || type == Double.class || type == double.class) {
                return "must be a number";
            }
            if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == short.class) {
                return "must be a whole number";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "must be true or false";
            }
            if (type == String.class) {
                return "must be text";
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "must be a list";
            }
            return "must be an object";
        }
        return "unreadable";
    }
}
