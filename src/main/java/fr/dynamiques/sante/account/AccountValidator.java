package fr.dynamiques.sante.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import fr.dynamiques.sante.account.AccountResource.NewAccount;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Everything wrong with an account to create, each mistake named by its field in the order of the form, so that the
 * client fixes them all at once: the record's constraints (Bean Validation), then its régions and schemes read in the
 * COG and the registry, and whether they suit its role.
 */
@ApplicationScoped
public class AccountValidator {

    /** An account to create, checked, with its role, régions and schemes read. */
    public record Checked(String email, String displayName, Role role, List<String> regions, List<Scheme> schemes,
            String password) {
    }

    private final Validator validator;
    private final CogSnapshot cog;

    AccountValidator(Validator validator, CogSnapshot cog) {
        this.validator = validator;
        this.cog = cog;
    }

    /** The account to create, or a 400 listing every invalid field. */
    public Checked check(NewAccount body) {
        if (body == null) {
            throw ProblemException.badRequest("The body must be an account.", new FieldError("body", "must not be empty"));
        }
        List<FieldError> errors = new ArrayList<>(violations(body, "email", "displayName", "role"));
        Role role = errors.stream().anyMatch(e -> e.field().equals("role")) ? null : Role.valueOf(body.role());
        List<String> regions = body.regions() == null ? List.of()
                : body.regions().stream().map(String::strip).distinct().toList();
        regions.stream().filter(code -> !cog.isRegion(code))
                .forEach(code -> errors.add(new FieldError("regions", "unknown région " + shorten(code))));
        List<Scheme> schemes = schemes(body.schemes(), errors);
        checkScope(role, regions, schemes, errors);
        errors.addAll(violations(body, "password"));
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid account.", errors);
        }
        return new Checked(body.email(), body.displayName().strip(), role, regions, schemes, body.password());
    }

    /** The schemes named by id or ref, each once; an unknown one is a mistake. */
    private static List<Scheme> schemes(List<String> keys, List<FieldError> errors) {
        List<Scheme> schemes = new ArrayList<>();
        for (String key : keys == null ? List.<String> of() : keys) {
            Optional<Scheme> scheme = key != null && key.strip().matches("\\d{1,18}")
                    ? Scheme.findByIdOptional(Long.parseLong(key.strip()))
                    : key == null ? Optional.empty() : Scheme.findByRef(key.strip());
            scheme.ifPresentOrElse(s -> {
                if (!schemes.contains(s)) {
                    schemes.add(s);
                }
            }, () -> errors.add(new FieldError("schemes", "unknown scheme " + shorten(key))));
        }
        return schemes;
    }

    /** ARS and partner accounts act in régions, coordinators on schemes, and no other account has either. */
    private static void checkScope(Role role, List<String> regions, List<Scheme> schemes, List<FieldError> errors) {
        if (role == Role.ARS || role == Role.PARTNER) {
            if (regions.isEmpty()) {
                errors.add(new FieldError("regions", "an " + role + " account acts in at least one région"));
            }
        } else if (!regions.isEmpty()) {
            errors.add(new FieldError("regions", "only ARS and PARTNER accounts have régions"));
        }
        if (role == Role.COORDINATOR ? schemes.isEmpty() : !schemes.isEmpty()) {
            errors.add(new FieldError("schemes", role == Role.COORDINATOR ? "a coordinator coordinates at least one scheme"
                    : "only COORDINATOR accounts have schemes"));
        }
    }

    /** The constraints these fields break, one mistake per field and message. */
    private List<FieldError> violations(NewAccount body, String... fields) {
        return Stream.of(fields).flatMap(field -> validator.validateProperty(body, field).stream()
                .map(ConstraintViolation::getMessage).distinct().map(message -> new FieldError(field, message))).toList();
    }

    private static String shorten(String value) {
        return value == null ? "null" : value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
