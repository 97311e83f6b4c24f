package fr.dynamiques.sante.coordinator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds the person a coordinator entry names, by professional email, or creates one. A person named in
 * several schemes is one row: an entry giving another name renames the person everywhere when {@code mayRename}
 * allows it (the write checks the writer may, and keeps the trail of the other schemes), else the recorded name stays.
 * Without an email, every entry is a person of its own (no guessing from names).
 */
public final class PersonMatcher {

    private final Map<String, Person> byEmail = new HashMap<>();
    private final Predicate<Person> mayRename;

    private PersonMatcher(Predicate<Person> mayRename) {
        this.mayRename = mayRename;
    }

    public static PersonMatcher ofRegistry(Predicate<Person> mayRename) {
        PersonMatcher matcher = new PersonMatcher(mayRename);
        Person.<Person> list("email is not null").forEach(p -> matcher.byEmail.put(p.email, p));
        return matcher;
    }

    public Person match(String firstName, String lastName, String email) {
        String address = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        Person person = address == null ? null : byEmail.get(address);
        boolean created = person == null;
        if (created) {
            person = new Person();
            person.email = address;
        } else if (person.renamedBy(firstName, lastName) && mayRename.test(person)) {
            person.revision++;
        } else {
            return person;
        }
        person.firstName = firstName.strip();
        person.lastName = lastName.strip();
        if (created) {
            // Hibernate takes the row to insert as it is now: persist once the person is complete.
            person.persist();
            if (address != null) {
                byEmail.put(address, person);
            }
        }
        return person;
    }
}
