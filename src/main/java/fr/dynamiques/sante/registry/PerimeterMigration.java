package fr.dynamiques.sante.registry;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Moves stored perimeters to the COG loaded last, once per load (the load's {@code perimeters_migrated_at}), at start
 * right after the load: a commune merged into a commune nouvelle is replaced by it, a dissolved EPCI by its former
 * member communes, and every perimeter is resolved again (a commune that moved EPCI leaves the EPCI's perimeters,
 * populations are the new ones). Each scheme changed gets one audit entry and a line in the report administrators
 * read ({@code GET /api/v1/admin/cog}). A code with no successor is kept, reported, until someone decides.
 */
@ApplicationScoped
public class PerimeterMigration {

    private static final Logger LOG = Logger.getLogger(PerimeterMigration.class);
    /** Schemes read per batch: the session is cleared between batches (100,000 schemes would not fit at once). */
    private static final int BATCH = 500;

    /** What one migration did to one scheme. */
    @Schema(description = "What a new COG changed in one scheme's perimeter")
    public record SchemeMoved(@Schema(examples = "42") Long schemeId, @Schema(examples = "ars-ara-cls-0042") String ref,
            @Schema(examples = "Contrat local de santé de Bièvre") String name,
            @Schema(examples = "12840") long populationBefore, @Schema(examples = "12903") long populationAfter,
            @Schema(description = "Each change, in words", examples = "[\"commune 38016 (Arzay) merged into 38479 (Porte-des-Bonnevaux)\"]") List<String> changes,
            @Schema(description = "Codes with no successor in the new COG, kept until someone decides", examples = "[]") List<String> unresolved) {
    }

    /** What a migration did, for the log and the administrators. */
    @Schema(description = "The perimeters a COG load moved")
    public record Report(@Schema(examples = "7") long loadId, @Schema(examples = "2027") int cogYear,
            @Schema(examples = "3000") int schemesRead, List<SchemeMoved> moved) {
    }

    private final SchemeWrites writes;
    private final CogSnapshot cog;
    private final EntityManager em;
    private final Event<Report> migrated;

    PerimeterMigration(SchemeWrites writes, CogSnapshot cog, EntityManager em, Event<Report> migrated) {
        this.writes = writes;
        this.cog = cog;
        this.em = em;
        this.migrated = migrated;
    }

    /** After the referential's load (its own startup observer), before the demo data and the scheme index. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 10) StartupEvent event) {
        migratePending();
    }

    /** Migrates the perimeters to the COG loaded last, if that was not done yet. */
    @Transactional
    public Optional<Report> migratePending() {
        // Instances starting together: one migrates, the others then find the load marked.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('perimeter_migration'))").getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> pending = em.createNativeQuery("select id, cog_year from cog_load where perimeters_migrated_at is null "
                + "order by id").getResultList();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        long loadId = ((Number) pending.get(pending.size() - 1)[0]).longValue();
        int cogYear = ((Number) pending.get(pending.size() - 1)[1]).intValue();
        Map<String, Retired> retired = retired(pending.stream().map(row -> ((Number) row[0]).longValue()).toList());
        Scheme.takeWriteTurn();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from scheme order by id").getResultList();
        List<SchemeMoved> moved = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH)).stream().map(Number::longValue).toList();
            for (Scheme scheme : Scheme.<Scheme> list("id in ?1", batch)) {
                migrate(scheme, retired).ifPresent(moved::add);
            }
            em.flush();
            em.clear();
        }
        for (SchemeMoved m : moved) {
            em.createNativeQuery(
                    "insert into perimeter_migration (load_id, scheme_id, scheme_ref, scheme_name, population_before, "
                            + "population_after, changes, unresolved) values (:load, :scheme, :ref, :name, :before, :after, :changes, :unresolved)")
                    .setParameter("load", loadId).setParameter("scheme", m.schemeId()).setParameter("ref", m.ref())
                    .setParameter("name", m.name()).setParameter("before", m.populationBefore())
                    .setParameter("after", m.populationAfter())
                    .setParameter("changes", m.changes().toArray(String[]::new))
                    .setParameter("unresolved", m.unresolved().toArray(String[]::new)).executeUpdate();
            LOG.infof("COG %d: scheme %s (%s): population %d -> %d; %s%s", cogYear, m.ref(), m.name(), m.populationBefore(),
                    m.populationAfter(), String.join("; ", m.changes()), m.unresolved().isEmpty() ? ""
                            : "; NO SUCCESSOR for " + m.unresolved() + ", kept until someone decides");
        }
        em.createNativeQuery("update cog_load set perimeters_migrated_at = now() where perimeters_migrated_at is null")
                .executeUpdate();
        LOG.infof("COG %d: %d perimeters read, %d changed, %d with codes that have no successor", cogYear, ids.size(),
                moved.size(),
                moved.stream().filter(m -> !m.unresolved().isEmpty()).count());
        Report report = new Report(loadId, cogYear, ids.size(), moved);
        if (!ids.isEmpty()) {
            // Every scheme's search document carries the names of its places (search.Reindexing rebuilds them after commit).
            migrated.fire(report);
        }
        return Optional.of(report);
    }

    /** The report of the last migration that changed anything, or of the last load when none did. */
    @Transactional
    public Optional<Report> lastReport() {
        @SuppressWarnings("unchecked")
        List<Object[]> loads = em
                .createNativeQuery("select id, cog_year from cog_load where perimeters_migrated_at is not null "
                        + "order by (exists (select 1 from perimeter_migration m where m.load_id = cog_load.id)) desc, id desc limit 1")
                .getResultList();
        if (loads.isEmpty()) {
            return Optional.empty();
        }
        long loadId = ((Number) loads.get(0)[0]).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em
                .createNativeQuery("select scheme_id, scheme_ref, scheme_name, population_before, population_after, "
                        + "changes, unresolved from perimeter_migration where load_id = :load order by scheme_ref")
                .setParameter("load", loadId).getResultList();
        List<SchemeMoved> moved = rows.stream().map(r -> new SchemeMoved(r[0] == null ? null : ((Number) r[0]).longValue(),
                (String) r[1], (String) r[2], ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), strings(r[5]),
                strings(r[6])))
                .toList();
        long read = ((Number) em.createNativeQuery("select count(*) from scheme").getSingleResult()).longValue();
        return Optional.of(new Report(loadId, ((Number) loads.get(0)[1]).intValue(), (int) read, moved));
    }

    /** One scheme's perimeter in current codes, written when anything changed. */
    private Optional<SchemeMoved> migrate(Scheme scheme, Map<String, Retired> retired) {
        List<String> changes = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        Set<String> communes = new LinkedHashSet<>();
        Set<String> arrondissements = new LinkedHashSet<>();
        for (String code : scheme.perimeterCommunes) {
            if (cog.isCommune(code)) {
                communes.add(code);
            } else if (cog.isArrondissement(code)) {
                arrondissements.add(code);
                changes.add("commune " + code + " is a municipal arrondissement (" + cog.place(code).name() + ")");
            } else if (cog.former(code) != null) {
                CogSnapshot.FormerCommune former = cog.former(code);
                communes.add(former.communeCode());
                changes.add("commune " + code + (former.name() == null ? "" : " (" + former.name() + ")") + " merged into "
                        + former.communeCode() + " (" + cog.commune(former.communeCode()).name() + ")");
            } else if (retired.containsKey("commune " + code) && !successors(retired, "commune " + code).isEmpty()) {
                List<String> successors = successors(retired, "commune " + code);
                communes.addAll(successors);
                changes.add("commune " + code + " (" + retired.get("commune " + code).name() + ") replaced by " + successors);
            } else {
                communes.add(code);
                unresolved.add(code);
            }
        }
        for (String code : scheme.perimeterArrondissements) {
            arrondissements.add(code);
            if (!cog.isArrondissement(code)) {
                unresolved.add(code);
            }
        }
        Set<String> epcis = new LinkedHashSet<>();
        for (String siren : scheme.perimeterEpcis) {
            List<String> members = successors(retired, "epci " + siren);
            if (cog.isEpci(siren)) {
                epcis.add(siren);
            } else if (!members.isEmpty()) {
                communes.addAll(members);
                changes.add("EPCI " + siren + " (" + retired.get("epci " + siren).name() + ") dissolved: its " + members.size()
                        + " communes named instead");
            } else {
                epcis.add(siren);
                unresolved.add(siren);
            }
        }
        scheme.perimeterDepartments.stream().filter(code -> !cog.isDepartment(code)).forEach(unresolved::add);
        Set<String> placesBefore = Set.copyOf(scheme.communeCodes);
        long populationBefore = scheme.population;
        if (!writes.migratePerimeter(scheme, List.copyOf(communes), List.copyOf(arrondissements), List.copyOf(epcis))) {
            return Optional.empty();
        }
        long added = scheme.communeCodes.stream().filter(code -> !placesBefore.contains(code)).count();
        long removed = placesBefore.stream().filter(code -> !scheme.communeCodes.contains(code)).count();
        if (added + removed > 0) {
            changes.add("places covered: " + added + " added, " + removed + " removed");
        }
        return Optional.of(
                new SchemeMoved(scheme.id, scheme.ref, scheme.name, populationBefore, scheme.population, changes, unresolved));
    }

    /** Current successors of a retired code, following chains across several pending loads (current codes only). */
    private List<String> successors(Map<String, Retired> retired, String key) {
        Retired r = retired.get(key);
        if (r == null) {
            return List.of();
        }
        Set<String> current = new LinkedHashSet<>();
        for (String code : r.successors()) {
            if (cog.isCommune(code)) {
                current.add(code);
            } else if (cog.former(code) != null) {
                current.add(cog.former(code).communeCode());
            }
        }
        return List.copyOf(current);
    }

    /** The codes the pending loads retired, keyed "level code" (the latest load's view when a code retired twice). */
    private Map<String, Retired> retired(List<Long> loads) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em
                .createNativeQuery("select level, code, name, successors from cog_retired where load_id in (:loads) "
                        + "order by load_id")
                .setParameter("loads", loads).getResultList();
        Map<String, Retired> retired = new HashMap<>();
        rows.forEach(r -> retired.put(r[0] + " " + r[1], new Retired((String) r[2], strings(r[3]))));
        return retired;
    }

    private static List<String> strings(Object array) {
        try {
            Object values = array instanceof Array sql ? sql.getArray() : array;
            return values == null ? List.of() : List.of((String[]) values);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Unreadable array", e);
        }
    }

    private record Retired(String name, List<String> successors) {
    }
}
