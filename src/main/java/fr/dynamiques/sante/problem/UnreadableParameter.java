package fr.dynamiques.sante.problem;

import jakarta.ws.rs.BadRequestException;

/**
 * A query parameter whose text is not of its type ({@code page=abc}): the client's mistake, named like a constraint
 * violation of the same parameter. A {@code BadRequestException} because a parameter converter lets only web
 * exceptions through as they are (others become a 404).
 */
public class UnreadableParameter extends BadRequestException {

    private final Problem.FieldError error;

    public UnreadableParameter(String parameter, String expected) {
        super(parameter + ": " + expected);
        this.error = new Problem.FieldError(parameter, expected);
    }

    public Problem.FieldError error() {
        return error;
    }
}
