package fr.dynamiques.sante.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;

import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.UnreadableParameter;

/** Typed query parameters read as strictly as the hand parsing they replace, and named when unreadable. */
@Tag("unit")
class StrictParametersTest {

    @SuppressWarnings("unused")
    void operation(@QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "a whole number from 0") int page,
            @QueryParam("since") @DefaultValue("0") long since, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @DefaultValue("3") int notAQueryParameter) {
    }

    private static ParamConverter<?> converter(int index) throws NoSuchMethodException {
        Method method = StrictParametersTest.class.getDeclaredMethod("operation", int.class, long.class, boolean.class,
                int.class);
        return new StrictParameters().getConverter(method.getParameterTypes()[index], method.getGenericParameterTypes()[index],
                method.getParameterAnnotations()[index]);
    }

    @Test
    void wholeNumbersAreAsciiDigitsAndBlankIsTheDefault() throws Exception {
        ParamConverter<?> page = converter(0);
        assertThat(page.fromString("12")).isEqualTo(12);
        assertThat(page.fromString(" 3 ")).isEqualTo(3);
        assertThat(page.fromString("")).isEqualTo(0);
        for (String unreadable : new String[] { "abc", "+3", "-1", "１２", "1e3", "9999999999" }) {
            assertThatThrownBy(() -> page.fromString(unreadable)).isInstanceOfSatisfying(UnreadableParameter.class,
                    e -> assertThat(e.error()).isEqualTo(new FieldError("page", "a whole number from 0")));
        }
        assertThat(converter(1).fromString("123456789012")).isEqualTo(123_456_789_012L);
    }

    @Test
    void booleansAreTrueOrFalseInAnyCase() throws Exception {
        ParamConverter<?> dryRun = converter(2);
        assertThat(dryRun.fromString("TRUE")).isEqualTo(true);
        assertThat(dryRun.fromString("false")).isEqualTo(false);
        assertThat(dryRun.fromString(" ")).isEqualTo(false);
        assertThatThrownBy(() -> dryRun.fromString("yes")).isInstanceOfSatisfying(UnreadableParameter.class,
                e -> assertThat(e.error()).isEqualTo(new FieldError("dryRun", "true or false")));
    }

    @Test
    void otherParametersKeepTheFrameworksReading() throws Exception {
        assertThat(converter(3)).isNull();
    }
}
