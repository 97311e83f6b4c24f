package fr.dynamiques.sante.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ConfiguredTokensTest {

    @Test
    void withoutConfiguredTokensNoBearerMatches() {
        ConfiguredTokens none = tokens(Optional.empty(), Optional.empty());
        assertThat(none.isAdmin("anything")).isFalse();
        assertThat(none.isMetrics("anything")).isFalse();
        // A blank token configured is no token: a blank bearer does not match it.
        ConfiguredTokens blank = tokens(Optional.of("  "), Optional.of(""));
        assertThat(blank.isAdmin("  ")).isFalse();
        assertThat(blank.isMetrics("")).isFalse();
    }

    @Test
    void eachConfiguredTokenMatchesItselfOnly() {
        ConfiguredTokens tokens = tokens(Optional.of("s3cret-token"), Optional.of("scraper-token"));
        assertThat(tokens.isAdmin("s3cret-token")).isTrue();
        assertThat(tokens.isAdmin("s3cret-tokeN")).isFalse();
        assertThat(tokens.isAdmin("scraper-token")).isFalse();
        assertThat(tokens.isMetrics("scraper-token")).isTrue();
        assertThat(tokens.isMetrics("s3cret-token")).isFalse();
        assertThat(tokens.isAdmin(null)).isFalse();
    }

    private static ConfiguredTokens tokens(Optional<String> admin, Optional<String> metrics) {
        return new ConfiguredTokens(() -> admin, () -> metrics);
    }
}
