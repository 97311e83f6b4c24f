package fr.dynamiques.sante.coordinator;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds the person a coordinator entry names, by professional email, or creates one. A person named in
 * several schemes is one row: an entry giving another name renames the person everywhere, so the write told
 * {@code beforeRename} first (it checked, before writing, that the writer may; it keeps the trail of the other
 * schemes). Without an email, every entry is a person of its own (no guessing from names).
 */
public final class PersonMatcher {

    private final Map<String, Person> byEmail = new HashMap<>();
    private final Consumer<Person> beforeRename;

    private PersonMatcher(Consumer<Person> beforeRename) {
        this.beforeRename = beforeRename;
    }

    public static PersonMatcher ofRegistry(Consumer<Person> beforeRename) {
        PersonMatcher matcher = new PersonMatcher(beforeRename);
        Person.<Person>list("email is not null").forEach(p -> matcher.byEmail.put(p.email, p));
        return matcher;
    }

    public Person match(String firstName, String lastName, String email) {
        String address = email == null || email.isBlank() ? null : email.strip().toLowerCase(Locale.ROOT);
        Person person = address == null ? null : byEmail.get(address);
        boolean created = person == null;
        if (created) {
            person = new Person();
            person.email = address;
        } else if (person.renamedBy(firstName, lastName)) {
            beforeRename.accept(person);
            person.revision++;
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
