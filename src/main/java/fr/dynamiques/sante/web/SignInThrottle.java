package fr.dynamiques.sante.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows down password guessing: after 5 failed sign-ins in 15 minutes for one email, or 20 from one address, further
 * attempts are refused until the window passes. Kept in memory (one instance; a restart forgets, which only helps
 * a legitimate user).
 */
@ApplicationScoped
public class SignInThrottle {

    static final int PER_EMAIL = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public boolean allows(String email, String address) {
        return recent("email:" + email) < PER_EMAIL && recent("address:" + address) < PER_ADDRESS;
    }

    public void failed(String email, String address) {
        failures.computeIfAbsent("email:" + email, k -> new ConcurrentLinkedDeque<>()).add(Instant.now());
        failures.computeIfAbsent("address:" + address, k -> new ConcurrentLinkedDeque<>()).add(Instant.now());
    }

    private int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant since = Instant.now().minus(WINDOW);
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.pollFirst();
        }
        return times.size();
    }
}
