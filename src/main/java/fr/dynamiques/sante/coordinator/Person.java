package fr.dynamiques.sante.coordinator;

import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A person coordinating one or more schemes: personal data, kept only what the directory needs (name and
 * professional email; the phone, like the consent, belongs to each coordination) and only while the
 * person coordinates a scheme.
 */
@Entity
public class Person extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    public Long id;

    public String firstName;

    public String lastName;

    /** Professional address, lowercase: identifies the person across schemes. */
    public String email;

    /**
     * How many times the name was changed, from 1. The audit trail keeps coordinators by id, never by name (GDPR): this
     * number is how the trail of every scheme the person coordinates says that the name it shows changed.
     */
    public int revision = 1;

    /** Whether these names differ from the recorded ones (as written, blanks around them aside). */
    public boolean renamedBy(String first, String last) {
        return !firstName.equals(first.strip()) || !lastName.equals(last.strip());
    }

    public static Optional<Person> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }

    /** People no scheme names as coordinator any more: their data has no purpose left. */
    public static long deleteUnreferenced() {
        return delete("id not in (select c.person.id from Scheme s join s.coordinators c)");
    }
}
