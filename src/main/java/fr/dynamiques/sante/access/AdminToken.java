package fr.dynamiques.sante.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.dynamiques.sante.problem.ProblemException;

/**
 * The configuration's admin token ({@code directory.admin-token}): the bootstrap credential, with every right, beside
 * the accounts' tokens ({@link Callers} tries those first). A bearer token that is neither is refused: 401 when no
 * admin token is configured, 403 otherwise.
 */
@ApplicationScoped
public class AdminToken {

    private final Optional<byte[]> token;

    AdminToken(@ConfigProperty(name = "directory.admin-token") Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank()).map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a read comes from the admin. No header: a public read. A token that is not the admin's is
     * refused rather than quietly read as public, so that an editor never mistakes a redacted answer for the data.
     */
    public boolean isAdmin(String authorization) {
        Optional<String> presented = bearer(authorization);
        if (presented.isEmpty()) {
            return false;
        }
        if (token.isEmpty()) {
            throw unauthorized("No admin token is configured: send requests without Authorization.");
        }
        if (!MessageDigest.isEqual(token.get(), presented.get().getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(403, "The bearer token is not valid.", List.of());
        }
        return true;
    }

    static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String[] parts = authorization.strip().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw unauthorized("Only bearer tokens are accepted: Authorization: Bearer <admin token>.");
        }
        return Optional.of(parts[1]);
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(401, detail, List.of());
    }
}
