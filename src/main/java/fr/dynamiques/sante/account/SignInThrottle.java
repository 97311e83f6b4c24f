package fr.dynamiques.sante.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Slows down password guessing: after 5 failed sign-ins in 15 minutes for one email, or 20 from one address, further
 * attempts are refused until the window passes. Failures are kept in PostgreSQL (table sign_in_failure, keys hashed),
 * so that every directory process sharing the database counts them alike; each failure deletes those older than the
 * window, which bounds the table.
 */
@ApplicationScoped
public class SignInThrottle {

    public static final int PER_EMAIL = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final EntityManager em;

    SignInThrottle(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public boolean allows(String email, String address) {
        Object[] counts = (Object[]) em.createNativeQuery("select count(*) filter (where key = :email), count(*) filter (where key = :address) "
                        + "from sign_in_failure where key in (:email, :address) and at > :since")
                .setParameter("email", emailKey(email)).setParameter("address", addressKey(address))
                .setParameter("since", Instant.now().minus(WINDOW)).getSingleResult();
        return ((Number) counts[0]).intValue() < PER_EMAIL && ((Number) counts[1]).intValue() < PER_ADDRESS;
    }

    @Transactional
    public void failed(String email, String address) {
        Instant now = Instant.now();
        em.createNativeQuery("delete from sign_in_failure where at <= :since").setParameter("since", now.minus(WINDOW)).executeUpdate();
        em.createNativeQuery("insert into sign_in_failure (key, at) values (:email, :now), (:address, :now)")
                .setParameter("email", emailKey(email)).setParameter("address", addressKey(address)).setParameter("now", now)
                .executeUpdate();
    }

    static String emailKey(String email) {
        return AccessToken.hash("email:" + email);
    }

    static String addressKey(String address) {
        return AccessToken.hash("address:" + address);
    }
}
