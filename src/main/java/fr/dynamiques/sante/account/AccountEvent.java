package fr.dynamiques.sante.account;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something that happened to an account, and who did it. Outlives the account: no email, no name, only ids. */
@Entity
@Table(name = "account_audit")
public class AccountEvent extends PanacheEntityBase {

    public enum Action {
        CREATE,
        DEACTIVATE,
        REACTIVATE,
        DELETE,
        TOKEN_ISSUE,
        TOKEN_REVOKE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_audit_seq")
    @SequenceGenerator(name = "account_audit_seq", sequenceName = "account_audit_seq", allocationSize = 50)
    public Long id;

    public long accountId;

    public Instant at;

    @Enumerated(EnumType.STRING)
    public Action action;

    /** The account that acted; null for the configuration's admin token. */
    public Long actorId;

    public String actorRole;

    static void record(long accountId, Action action, Caller actor) {
        AccountEvent event = new AccountEvent();
        event.accountId = accountId;
        event.at = Instant.now();
        event.action = action;
        event.actorId = actor.accountId();
        event.actorRole = actor.role().name();
        event.persist();
    }

    public static List<AccountEvent> ofAccount(long accountId) {
        return list("accountId = ?1 order by at, id", accountId);
    }
}
