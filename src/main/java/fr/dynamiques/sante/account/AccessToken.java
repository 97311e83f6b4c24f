package fr.dynamiques.sante.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A bearer token of an account, for the API. Only its SHA-256 is stored: the token is 256 random bits, so a plain
 * hash is enough (no salt or slow hash needed, unlike a password), and a stolen table gives no usable token.
 */
@Entity
public class AccessToken extends PanacheEntityBase {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "access_token_seq")
    @SequenceGenerator(name = "access_token_seq", sequenceName = "access_token_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    public String hash;

    public String label;

    public Instant createdAt;

    public Instant expiresAt;

    public Instant revokedAt;

    /** A new token's secret: recognisable by its prefix (secret scanners), then 32 random bytes. */
    static String newSecret() {
        return "dts_" + random();
    }

    /** 32 random bytes, URL-safe: token secrets, session cookies, form tokens. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The token with this secret, if it is neither revoked nor expired and its account is active, with its account. */
    public static Optional<AccessToken> findUsable(String secret) {
        return find("from AccessToken t join fetch t.account a where t.hash = ?1 and t.revokedAt is null and t.expiresAt > ?2 "
                + "and a.deactivatedAt is null", hash(secret), Instant.now()).firstResultOptional();
    }

    /** Revokes every live token of the account. */
    static void revokeAll(Account account) {
        update("revokedAt = ?1 where account = ?2 and revokedAt is null", Instant.now(), account);
    }
}
