package fr.dynamiques.sante.account;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import at.favre.lib.crypto.bcrypt.BCrypt;

/** Someone (or a partner's system) who signs in: a role, and the régions or schemes it applies to. */
@Entity
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    public Long id;

    public String email;

    public String displayName;

    @Enumerated(EnumType.STRING)
    public Role role;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(3)[]")
    public List<String> regions = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "bigint[]")
    public List<Long> schemeIds = new ArrayList<>();

    public Instant createdAt;

    /** bcrypt (cost 12) of the sign-in password; null: no sign-in to the pages, API tokens only. */
    public String passwordHash;

    /** When the account was closed; null while it is active. A deactivated account signs in no more, by any means. */
    public Instant deactivatedAt;

    private static final int COST = 12;
    /** Checked when no account has the email typed, so that a wrong email takes as long as a wrong password. */
    private static final byte[] DUMMY = BCrypt.withDefaults().hash(COST, "no account has this password".toCharArray());

    public void setPassword(String password) {
        passwordHash = BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    /** The account this email and password sign in, if any; the same work is done whatever fails. */
    public static Optional<Account> signingIn(String email, String password) {
        Optional<Account> account = email == null ? Optional.empty()
                : findByEmail(email).filter(a -> a.passwordHash != null && a.isActive());
        byte[] hash = account.map(a -> a.passwordHash.getBytes(StandardCharsets.UTF_8)).orElse(DUMMY);
        boolean verified = BCrypt.verifyer().verify(password == null ? new char[0] : password.toCharArray(), hash).verified;
        return verified ? account : Optional.empty();
    }

    public boolean isActive() {
        return deactivatedAt == null;
    }

    public static Optional<Account> findByEmail(String email) {
        return find("email", normalised(email)).firstResultOptional();
    }

    public static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
