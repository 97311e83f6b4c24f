package fr.dynamiques.sante.overlap;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.Role;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Whether the registry is declared to list every scheme of a kind in a région, as of a date (an ARS officer of the
 * région, or an admin, says so). Without such a declaration a figure counts only the schemes entered, and says so.
 */
@Entity
@Table(name = "completeness")
public class Completeness extends PanacheEntityBase {

    @Embeddable
    public record Key(String region, String kind) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public boolean complete;
    public LocalDate asOf;
    public String note;
    public Long declaredBy;
    public Instant declaredAt;
    /** Taken by the database on every write (V16). */
    public long revision;

    /** Every declaration, by région and kind. */
    public static Map<Key, Completeness> all() {
        return Completeness.<Completeness> listAll().stream().collect(Collectors.toMap(c -> c.key, Function.identity()));
    }

    /**
     * True when every région given is declared complete for every kind counted (all kinds when none is named): only
     * then is a figure over them the territory's own.
     */
    public static boolean declared(Map<Key, Completeness> declarations, Collection<String> regions, Collection<String> kinds) {
        if (regions.isEmpty() || kinds.isEmpty()) {
            return false;
        }
        for (String region : regions) {
            for (String kind : kinds) {
                Completeness c = declarations.get(new Key(region, kind));
                if (c == null || !c.complete) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Records the declaration of an ARS officer of the région (or an admin), replacing the one before: 404 for an
     * unknown région or kind, 403 for anyone else, 400 without a date or with one in the future.
     */
    public static Completeness declare(Caller caller, CogSnapshot cog, String region, String kind, Boolean complete,
            LocalDate asOf,
            String note) {
        if (!cog.isRegion(region)) {
            throw ProblemException.notFound("No région " + region + ".");
        }
        if (SchemeKind.findByCode(kind).isEmpty()) {
            throw ProblemException.notFound("No kind " + kind + ".");
        }
        if (!caller.isAdmin() && !(caller.role() == Role.ARS && caller.regions().contains(region))) {
            throw new ProblemException(403,
                    "Only an ARS officer of région " + region + " (or an admin) declares its registry complete.", List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        if (asOf == null) {
            errors.add(new FieldError("asOf", "the date the list was checked, as 2026-11-30"));
        } else if (asOf.isAfter(LocalDate.now())) {
            errors.add(new FieldError("asOf", "must not be in the future"));
        }
        if (note != null && note.length() > 2000) {
            errors.add(new FieldError("note", "at most 2,000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "The declaration is incomplete; nothing was recorded.", errors);
        }
        Key key = new Key(region, kind);
        Completeness declaration = findById(key);
        if (declaration == null) {
            declaration = new Completeness();
            declaration.key = key;
        }
        declaration.complete = Boolean.TRUE.equals(complete);
        declaration.asOf = asOf;
        declaration.note = note == null || note.isBlank() ? null : note.strip();
        declaration.declaredBy = caller.accountId();
        declaration.declaredAt = Instant.now();
        declaration.persist();
        return declaration;
    }

    /** The declarations of these régions (all when null), by région and kind. */
    public static List<Completeness> of(Collection<String> regions) {
        return regions == null ? ordered() : list("key.region in ?1 order by key.region, key.kind", regions);
    }

    public static List<Completeness> ordered() {
        return list("order by key.region, key.kind");
    }

}
