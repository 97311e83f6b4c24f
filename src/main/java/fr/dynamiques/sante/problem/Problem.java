package fr.dynamiques.sante.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** RFC 9457 problem details, the body of every API error. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * A field the client got wrong, named by its path in the request ("perimeter.communes[2]", "q"); in an
     * import, {@code row} is the position of the scheme in the file, from 1.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(Integer row, String field, String message) {

        public FieldError(String field, String message) {
            this(null, field, message);
        }

        public FieldError atRow(int row) {
            return new FieldError(row, field, message);
        }
    }
}
