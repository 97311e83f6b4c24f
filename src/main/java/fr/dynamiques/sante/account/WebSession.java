package fr.dynamiques.sante.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A signed-in visitor of the pages: kept on the server, named by a random cookie whose hash is the key. */
@Entity
public class WebSession extends PanacheEntityBase {

    /** A working day: long enough to validate a queue, short enough for a shared computer. */
    public static final Duration LIFETIME = Duration.ofHours(8);

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    public String csrf;

    public Instant createdAt;

    public Instant expiresAt;

    /** Opens a session for the account; answers the cookie's value (shown once, stored hashed). */
    public static String open(Account account) {
        delete("expiresAt < ?1", Instant.now()); // expired sessions serve no one: each sign-in sweeps them
        String cookie = AccessToken.random();
        WebSession session = new WebSession();
        session.id = AccessToken.hash(cookie);
        session.account = account;
        session.csrf = AccessToken.random();
        session.createdAt = Instant.now();
        session.expiresAt = session.createdAt.plus(LIFETIME);
        session.persist();
        return cookie;
    }

    /** The live session of this cookie, if any, with its (active) account. */
    public static Optional<WebSession> of(String cookie) {
        if (cookie == null || cookie.isBlank() || cookie.length() > 100) {
            return Optional.empty();
        }
        return find("from WebSession s join fetch s.account a where s.id = ?1 and s.expiresAt > ?2 and a.deactivatedAt is null",
                AccessToken.hash(cookie), Instant.now()).firstResultOptional();
    }

    /** Ends the session with this id (the hash of its cookie). */
    public static void end(String id) {
        delete("id", id);
    }

    /** Ends every session of the account. */
    static void endAll(Account account) {
        delete("account", account);
    }
}
