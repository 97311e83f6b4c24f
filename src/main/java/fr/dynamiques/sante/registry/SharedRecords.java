package fr.dynamiques.sante.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.organisation.Organisation;
import fr.dynamiques.sante.scheme.Scheme;

/**
 * What one write changes beyond the schemes it writes. People and organisations are shared: renaming a coordinator, or
 * filling in an organisation's identifiers, changes what every other scheme naming them shows. Such a change is made
 * only where the writer may edit those schemes too (people: checked before the write, see SchemeWrites); each of those
 * schemes then records it in its own trail and moves its {@code updatedAt} (which change feeds and caches follow).
 */
final class SharedRecords {

    private final Caller caller;
    private final Set<Long> written;
    private final SchemeAccess access;
    private final Audit audit;
    /** The other schemes the write changes, photographed before it changes them. */
    private final Map<Long, ObjectNode> before = new LinkedHashMap<>();

    SharedRecords(Caller caller, Set<Long> written, SchemeAccess access, Audit audit) {
        this.caller = caller;
        this.written = written;
        this.access = access;
        this.audit = audit;
    }

    /**
     * A coordinator named otherwise than recorded is renamed only by the person, an admin, or an editor of all their
     * schemes; for anyone else the recorded name stays, and the write answers exactly as for an address it does not
     * know: nobody learns from a write whether an email is a coordinator's, nor under which name.
     */
    boolean mayRename(Person person) {
        if (!caller.isAdmin() && !caller.isPerson(person.email)) {
            List<Scheme> theirs = Scheme.coordinatedBy(person);
            if (!theirs.stream().filter(s -> !written.contains(s.id)).allMatch(s -> access.mayEdit(caller, s))) {
                return false;
            }
        }
        photograph(Scheme.coordinatedBy(person));
        return true;
    }

    boolean mayEnrich(Organisation organisation) {
        List<Scheme> others = Scheme.naming(organisation);
        if (!others.stream().filter(s -> !written.contains(s.id)).allMatch(s -> access.mayEdit(caller, s))) {
            return false;
        }
        photograph(others);
        return true;
    }

    /** Once the write is done: each other scheme it changed keeps the change in its trail. */
    void recordChanges() {
        before.forEach((id, photograph) -> {
            Scheme scheme = Scheme.findById(id);
            scheme.touch();
            audit.record(id, "UPDATE", caller, photograph, audit.snapshot(scheme));
        });
    }

    private void photograph(List<Scheme> schemes) {
        for (Scheme scheme : schemes) {
            if (!written.contains(scheme.id)) {
                before.computeIfAbsent(scheme.id, id -> audit.snapshot(scheme));
            }
        }
    }
}
