package fr.dynamiques.sante.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import fr.dynamiques.sante.account.Account;
import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.Role;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Who may change which scheme, as {@link SchemeAccess} decides it, for the schemes of a reader's régions: the ARS
 * officers who edit and validate it, the coordinators who propose changes to it, and the admins, who may change any.
 * Active accounts only: a deactivated one changes nothing.
 */
@ApplicationScoped
public class SchemeEditors {

    /** A scheme, its régions, and who may change it besides the admins. */
    public record Row(Scheme scheme, List<String> regions, List<Account> officers, List<Account> coordinators) {
    }

    /** The first schemes by name, how many the reader's régions hold in all, and the admins. */
    public record Table(List<Row> rows, long total, List<Account> admins) {
    }

    private final SchemeAccess access;
    private final CogSnapshot cog;
    private final EntityManager em;

    SchemeEditors(SchemeAccess access, CogSnapshot cog, EntityManager em) {
        this.access = access;
        this.cog = cog;
        this.em = em;
    }

    /** For an admin, every scheme; for an ARS officer, those of its régions; the first {@code limit} by name. */
    public Table of(Caller reader, int limit) {
        List<String> departments = reader.isAdmin() ? null : cog.departmentsOfRegions(reader.regions());
        List<Scheme> schemes = Scheme.touching(departments, limit);
        List<Long> ids = schemes.stream().map(s -> s.id).toList();
        Map<Account, Caller> officers = callers(
                Account.list("role = ?1 and deactivatedAt is null order by displayName, id", Role.ARS));
        Map<Account, Caller> coordinators = callers(ids.isEmpty() ? List.of()
                : em.createNativeQuery(
                        "select * from account where role = 'COORDINATOR' and deactivated_at is null and scheme_ids && cast(:ids as bigint[]) "
                                + "order by display_name, id",
                        Account.class)
                        .setParameter("ids", ids.toArray(Long[]::new)).getResultList());
        List<Row> rows = schemes.stream().map(s -> new Row(s, s.regions(cog).stream().sorted().toList(),
                officers.entrySet().stream().filter(e -> access.mayEdit(e.getValue(), s)).map(Map.Entry::getKey).toList(),
                coordinators.entrySet().stream().filter(e -> access.proposes(e.getValue(), s)).map(Map.Entry::getKey).toList()))
                .toList();
        return new Table(rows, Scheme.countTouching(departments),
                Account.list("role = ?1 and deactivatedAt is null order by displayName, id", Role.ADMIN));
    }

    /** Each account with its rights, read once (not once per scheme), in the order given. */
    @SuppressWarnings("unchecked")
    private static Map<Account, Caller> callers(List<?> accounts) {
        return ((List<Account>) accounts).stream().collect(Collectors.toMap(Function.identity(), Caller::of, (a, b) -> a,
                LinkedHashMap::new));
    }
}
