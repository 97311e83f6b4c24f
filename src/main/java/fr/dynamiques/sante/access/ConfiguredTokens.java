package fr.dynamiques.sante.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The bearer tokens of the configuration, beside the accounts' tokens: {@code directory.admin-token}, the bootstrap
 * credential with every right, and {@code directory.metrics-token}, which only reads {@code /q/metrics} (for a
 * Prometheus scraper). Compared in constant time. Unset or blank: no such token.
 */
@ApplicationScoped
public class ConfiguredTokens {

    private final Optional<byte[]> admin;
    private final Optional<byte[]> metrics;

    ConfiguredTokens(TokensConfig.Admin admin, TokensConfig.Metrics metrics) {
        this.admin = bytes(admin.value());
        this.metrics = bytes(metrics.value());
    }

    public boolean isAdmin(String secret) {
        return matches(admin, secret);
    }

    public boolean isMetrics(String secret) {
        return matches(metrics, secret);
    }

    private static boolean matches(Optional<byte[]> configured, String secret) {
        return configured.isPresent() && secret != null
                && MessageDigest.isEqual(configured.get(), secret.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> bytes(Optional<String> token) {
        return token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }
}
