package fr.dynamiques.sante.coordinator;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.scheme.Scheme;

/** A coordinator's rights over their data, for the API and the pages alike; each scheme changed is audited. */
@ApplicationScoped
public class PersonalData {

    private final Audit audit;

    PersonalData(Audit audit) {
        this.audit = audit;
    }

    /** Consent withdrawn on every scheme: name and contact leave public answers, pages and search at once. */
    @Transactional
    public void withdrawConsent(Person person, Caller caller) {
        changeSchemesOf(person, caller, scheme -> scheme.coordinators.stream().filter(c -> c.person.id.equals(person.id)).forEach(c -> {
            c.publicContact = false;
            c.publicContactSince = null;
        }));
    }

    /** The person leaves every scheme and is deleted; the audit trail keeps an id that names no one. */
    @Transactional
    public void erase(Person person, Caller caller) {
        changeSchemesOf(person, caller, scheme -> scheme.coordinators.removeIf(c -> c.person.id.equals(person.id)));
        person.delete();
    }

    public static List<Scheme> schemesOf(Person person) {
        return Scheme.list("select distinct s from Scheme s join s.coordinators c where c.person.id = ?1 order by s.id", person.id);
    }

    private void changeSchemesOf(Person person, Caller caller, Consumer<Scheme> change) {
        for (Scheme scheme : schemesOf(person)) {
            ObjectNode before = audit.snapshot(scheme);
            change.accept(scheme);
            audit.record(scheme.id, "UPDATE", caller, before, audit.snapshot(scheme));
        }
    }
}
