package fr.dynamiques.sante.account;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A password to sign in to the pages with, or none: at least {@value #MIN_CHARACTERS} characters and at most
 * {@value #MAX_BYTES} bytes in UTF-8, all that bcrypt hashes (it would ignore the rest).
 */
@Documented
@Constraint(validatedBy = SignInPassword.Check.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface SignInPassword {

    int MIN_CHARACTERS = 12;
    int MAX_BYTES = 72;

    String message() default "12 to 72 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<SignInPassword, String> {

        @Override
        public boolean isValid(String password, ConstraintValidatorContext context) {
            return password == null || password.length() >= MIN_CHARACTERS
                    && password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
