package fr.dynamiques.sante.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import fr.dynamiques.sante.problem.ProblemException;

class AdminTokenTest {

    @Test
    void withoutAConfiguredTokenNobodyWrites() {
        AdminToken none = new AdminToken(Optional.empty());
        assertThatThrownBy(() -> none.require("Bearer anything")).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(401))
                .hasMessageContaining("disabled");
        assertThatThrownBy(() -> none.require(null)).satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(401));
        // A blank token configured is no token.
        assertThatThrownBy(() -> new AdminToken(Optional.of("  ")).require("Bearer   "))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(401));
        assertThat(none.isAdmin(null)).isFalse();
    }

    @Test
    void theConfiguredTokenWritesAndAnotherIsForbidden() {
        AdminToken token = new AdminToken(Optional.of("s3cret-token"));
        token.require("Bearer s3cret-token");
        token.require("bearer   s3cret-token");
        assertThat(token.isAdmin("Bearer s3cret-token")).isTrue();
        assertThatThrownBy(() -> token.require("Bearer s3cret-tokeN"))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(403));
        assertThatThrownBy(() -> token.require("s3cret-token"))
                .satisfies(e -> assertThat(((ProblemException) e).status()).isEqualTo(401));
        assertThat(token.isAdmin("")).isFalse();
    }
}
