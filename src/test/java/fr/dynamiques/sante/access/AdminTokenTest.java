package fr.dynamiques.sante.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.dynamiques.sante.problem.ProblemException;

class AdminTokenTest {

    @Test
    void withoutAConfiguredTokenNoBearerIsTheAdmin() {
        AdminToken none = new AdminToken(Optional.empty());
        assertThatThrownBy(() -> none.isAdmin("Bearer anything")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(401))
                .hasMessageContaining("No admin token is configured");
        // A blank token configured is no token.
        assertThatThrownBy(() -> new AdminToken(Optional.of("  ")).isAdmin("Bearer   x"))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(401));
        assertThat(none.isAdmin(null)).isFalse();
    }

    @Test
    void theConfiguredTokenIsTheAdminAndAnotherIsForbidden() {
        AdminToken token = new AdminToken(Optional.of("s3cret-token"));
        assertThat(token.isAdmin("Bearer s3cret-token")).isTrue();
        assertThat(token.isAdmin("bearer   s3cret-token")).isTrue();
        assertThatThrownBy(() -> token.isAdmin("Bearer s3cret-tokeN"))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> token.isAdmin("s3cret-token"))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(401));
        assertThat(token.isAdmin("")).isFalse();
    }
}
