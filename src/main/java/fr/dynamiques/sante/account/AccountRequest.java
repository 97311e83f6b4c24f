package fr.dynamiques.sante.account;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fr.dynamiques.sante.scheme.Scheme;

/**
 * Someone asking for an account on a scheme they coordinate. It grants nothing: an admin or an ARS officer of the
 * scheme's région reads it in their space, creates the account if right, and closes it (which deletes it: the
 * person's name and email are kept no longer than needed).
 */
@Entity
public class AccountRequest extends PanacheEntityBase {

    /** Requests waiting from one email address, at most: beyond, the form says one is already waiting. */
    public static final int PENDING_PER_EMAIL = 3;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "scheme_id")
    public Scheme scheme;

    public String name;

    public String email;

    public String message;

    public Instant createdAt;

    public static AccountRequest open(Scheme scheme, String name, String email, String message) {
        AccountRequest request = new AccountRequest();
        request.scheme = scheme;
        request.name = name;
        request.email = email;
        request.message = message;
        request.createdAt = Instant.now();
        request.persist();
        return request;
    }

    public static long pendingFrom(String email) {
        return count("email", email);
    }

    public static List<AccountRequest> oldestFirst() {
        return list("order by createdAt, id");
    }
}
