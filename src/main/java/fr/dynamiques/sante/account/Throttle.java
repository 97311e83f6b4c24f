package fr.dynamiques.sante.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Slows down guessing, in PostgreSQL (table sign_in_failure, keys hashed) so that every directory process sharing the
 * database counts alike, each key in a window of 15 minutes:
 * <ul>
 * <li>sign-ins: after 5 failures for one email, or 20 from one address, attempts wait for the window to pass. Each attempt
 * is counted before its password is checked, one at a time per key;</li>
 * <li>account requests: 5 per address;</li>
 * <li>imports (dry runs included, which answer whether a file would be accepted): 30 per account.</li>
 * </ul>
 * Each count sweeps the entries older than the window, which bounds the table.
 */
@ApplicationScoped
public class Throttle {

    public static final int PER_EMAIL = 5;
    public static final int PER_ADDRESS = 20;
    public static final int REQUESTS_PER_ADDRESS = 5;
    public static final int IMPORTS_PER_ACCOUNT = 30;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final EntityManager em;

    Throttle(EntityManager em) {
        this.em = em;
    }

    /**
     * Counts an attempt before its password is checked, and answers whether it may be checked: attempts for the same
     * email or from the same address are counted one after the other (a lock on each key, held to the commit), so
     * that eight sent at once are not all let through. The attempt stays counted as failed unless {@link #succeeded}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean attempt(String email, String address) {
        String emailKey = emailKey(email);
        String addressKey = addressKey(address);
        Instant now = Instant.now();
        em.createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtext(:email)), pg_advisory_xact_lock(hashtext(:address))) locks")
                .setParameter("email", emailKey).setParameter("address", addressKey).getSingleResult();
        Object[] counts = (Object[]) em
                .createNativeQuery("select count(*) filter (where key = :email), count(*) filter (where key = :address) "
                        + "from sign_in_failure where key in (:email, :address) and at > :since")
                .setParameter("email", emailKey).setParameter("address", addressKey)
                .setParameter("since", now.minus(WINDOW)).getSingleResult();
        if (((Number) counts[0]).intValue() >= PER_EMAIL || ((Number) counts[1]).intValue() >= PER_ADDRESS) {
            return false;
        }
        em.createNativeQuery("delete from sign_in_failure where at <= :since").setParameter("since", now.minus(WINDOW))
                .executeUpdate();
        em.createNativeQuery("insert into sign_in_failure (key, at) values (:email, :now), (:address, :now)")
                .setParameter("email", emailKey).setParameter("address", addressKey).setParameter("now", now)
                .executeUpdate();
        return true;
    }

    /**
     * Counts an account request from this address, and answers whether it may be made: at most
     * {@value #REQUESTS_PER_ADDRESS} in the window, whatever the emails they give (counted as sign-ins are, one at a time).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean accountRequest(String address) {
        return counted(AccessToken.hash("request:" + address), REQUESTS_PER_ADDRESS);
    }

    /** One more under this key if fewer than {@code limit} are in the window, counted one at a time. */
    private boolean counted(String key, int limit) {
        Instant now = Instant.now();
        em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(:key))) locks")
                .setParameter("key", key)
                .getSingleResult();
        long made = ((Number) em.createNativeQuery("select count(*) from sign_in_failure where key = :key and at > :since")
                .setParameter("key", key).setParameter("since", now.minus(WINDOW)).getSingleResult()).longValue();
        if (made >= limit) {
            return false;
        }
        em.createNativeQuery("delete from sign_in_failure where at <= :since").setParameter("since", now.minus(WINDOW))
                .executeUpdate();
        em.createNativeQuery("insert into sign_in_failure (key, at) values (:key, :now)").setParameter("key", key)
                .setParameter("now", now).executeUpdate();
        return true;
    }

    /** Counts an import of this account, and answers whether it may run ({@value #IMPORTS_PER_ACCOUNT} in the window). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean importBy(long accountId) {
        return counted(AccessToken.hash("import:" + accountId), IMPORTS_PER_ACCOUNT);
    }

    /** The right password: the attempt no longer counts against the email or the address. */
    @Transactional
    public void succeeded(String email, String address) {
        for (String key : new String[] { emailKey(email), addressKey(address) }) {
            em.createNativeQuery("delete from sign_in_failure where ctid = (select ctid from sign_in_failure where key = :key "
                    + "order by at desc limit 1)").setParameter("key", key).executeUpdate();
        }
    }

    static String emailKey(String email) {
        return AccessToken.hash("email:" + email);
    }

    static String addressKey(String address) {
        return AccessToken.hash("address:" + address);
    }
}
