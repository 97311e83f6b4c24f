package fr.dynamiques.sante.coordinator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.scheme.Scheme;

/**
 * A coordinator's rights over their data, for the API and the pages alike: rectification of their name, withdrawal of
 * consent, erasure. Each scheme it changes is audited and its {@code updatedAt} moves (change feeds follow it).
 */
@ApplicationScoped
public class PersonalData {

    private final Audit audit;

    PersonalData(Audit audit) {
        this.audit = audit;
    }

    /** The person's name corrected, on every scheme they coordinate (the person or an admin: see CoordinatorResource). */
    @Transactional
    public void rename(Person person, String firstName, String lastName, Caller caller) {
        if (person.renamedBy(firstName, lastName)) {
            changeSchemesOf(person, caller, schemes -> {
                person.firstName = firstName.strip();
                person.lastName = lastName.strip();
                person.revision++;
            });
        }
    }

    /** Consent withdrawn on every scheme: name and contact leave public answers, pages and search at once. */
    @Transactional
    public void withdrawConsent(Person person, Caller caller) {
        changeSchemesOf(person, caller, schemes -> schemes.forEach(scheme -> scheme.coordinators.stream()
                .filter(c -> c.person.id.equals(person.id)).forEach(c -> {
                    c.publicContact = false;
                    c.publicContactSince = null;
                })));
    }

    /** The person leaves every scheme and is deleted; the audit trail keeps an id that names no one. */
    @Transactional
    public void erase(Person person, Caller caller) {
        changeSchemesOf(person, caller, schemes -> schemes.forEach(scheme -> scheme.coordinators.removeIf(c -> c.person.id.equals(person.id))));
        person.delete();
    }

    public static List<Scheme> schemesOf(Person person) {
        return Scheme.list("select distinct s from Scheme s join s.coordinators c where c.person.id = ?1 order by s.id", person.id);
    }

    /** Photographs every scheme of the person, makes the change, then records what each scheme now shows otherwise. */
    private void changeSchemesOf(Person person, Caller caller, Consumer<List<Scheme>> change) {
        Scheme.takeWriteTurn();
        List<Scheme> schemes = schemesOf(person);
        Map<Scheme, ObjectNode> before = new LinkedHashMap<>();
        schemes.forEach(scheme -> before.put(scheme, audit.snapshot(scheme)));
        change.accept(schemes);
        before.forEach((scheme, photograph) -> {
            scheme.touch();
            audit.record(scheme.id, "UPDATE", caller, photograph, audit.snapshot(scheme));
        });
    }
}
