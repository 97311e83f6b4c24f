package fr.dynamiques.sante.organisation;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import fr.dynamiques.sante.text.FoldedText;

/**
 * Finds the organisation a scheme names, or creates it: by SIRET, then FINESS, then COG code, then by
 * name (case, accents and punctuation aside). One matcher serves one write, however many schemes it
 * holds; it reads every organisation once, so an import of thousands of schemes does not query per partner.
 * An organisation is shared by the schemes that name it: a write fills in what it lacks only where
 * {@code mayEnrich} agrees (the writer may edit every other scheme that shows it); elsewhere it stays as recorded.
 */
public final class OrganisationMatcher {

    private final Predicate<Organisation> mayEnrich;

    private final Map<String, Organisation> bySiret = new HashMap<>();
    private final Map<String, Organisation> byFiness = new HashMap<>();
    private final Map<String, Organisation> byCogCode = new HashMap<>();
    private final Map<String, Organisation> byName = new HashMap<>();

    private OrganisationMatcher(Predicate<Organisation> mayEnrich) {
        this.mayEnrich = mayEnrich;
    }

    public static OrganisationMatcher ofRegistry(Predicate<Organisation> mayEnrich) {
        OrganisationMatcher matcher = new OrganisationMatcher(mayEnrich);
        Organisation.<Organisation> list("order by id").forEach(matcher::remember);
        return matcher;
    }

    /** The organisation of that name, if the registry or this write knows it. */
    public Optional<Organisation> findByName(String name) {
        return Optional.ofNullable(byName.get(FoldedText.of(name)));
    }

    /**
     * The organisation these details designate. A matched organisation keeps its name and gains the
     * identifiers it lacked; a new one is persisted with the given type, or OTHER.
     */
    public Organisation match(String name, OrganisationType type, String siret, String finess, String cogCode) {
        return match(name, type, siret, finess, cogCode, Contacts.NONE);
    }

    /** An organisation's public contacts as a write gives them: those given replace the recorded ones, where allowed. */
    public record Contacts(String website, String email, String phone, String address) {
        public static final Contacts NONE = new Contacts(null, null, null, null);
    }

    /** The same, with the public contacts the write gives. */
    public Organisation match(String name, OrganisationType type, String siret, String finess, String cogCode,
            Contacts contacts) {
        Optional<Organisation> found = Optional.ofNullable(siret).map(bySiret::get)
                .or(() -> Optional.ofNullable(finess).map(byFiness::get))
                .or(() -> Optional.ofNullable(cogCode).filter(c -> type != null).map(c -> byCogCode.get(cogKey(type, c))))
                .or(() -> Optional.ofNullable(byName.get(FoldedText.of(name)))
                        // Same name, other identifier: two establishments, not one.
                        .filter(o -> compatible(o.siret, siret) && compatible(o.finess, finess)
                                && compatible(o.cogCode, cogCode)));
        if (found.isPresent()) {
            Organisation organisation = found.get();
            enrich(organisation, type, siret, finess, cogCode);
            contact(organisation, contacts);
            return organisation;
        }
        Organisation created = new Organisation();
        created.name = name.strip();
        created.nameKey = FoldedText.of(name);
        created.type = type == null ? OrganisationType.OTHER : type;
        created.siret = siret;
        created.finess = finess;
        created.cogCode = cogCode;
        created.website = contacts.website();
        created.email = contacts.email();
        created.phone = contacts.phone();
        created.address = contacts.address();
        created.persist();
        remember(created);
        return created;
    }

    /** Fills in what the organisation lacks (a type for OTHER, identifiers no other organisation holds), if allowed. */
    private void enrich(Organisation organisation, OrganisationType type, String siret, String finess, String cogCode) {
        OrganisationType newType = organisation.type == OrganisationType.OTHER && type != null ? type : organisation.type;
        String newSiret = organisation.siret == null && siret != null && !bySiret.containsKey(siret) ? siret
                : organisation.siret;
        String newFiness = organisation.finess == null && finess != null && !byFiness.containsKey(finess) ? finess
                : organisation.finess;
        String newCogCode = organisation.cogCode == null && cogCode != null && !byCogCode.containsKey(cogKey(newType, cogCode))
                ? cogCode
                : organisation.cogCode;
        boolean changes = newType != organisation.type || !Objects.equals(newSiret, organisation.siret)
                || !Objects.equals(newFiness, organisation.finess) || !Objects.equals(newCogCode, organisation.cogCode);
        if (changes && mayEnrich.test(organisation)) {
            organisation.type = newType;
            organisation.siret = newSiret;
            organisation.finess = newFiness;
            organisation.cogCode = newCogCode;
            remember(organisation);
        }
    }

    /** Each contact given replaces the recorded one, if the writer may edit every scheme that shows the organisation. */
    private void contact(Organisation organisation, Contacts contacts) {
        boolean changes = contacts.website() != null && !contacts.website().equals(organisation.website)
                || contacts.email() != null && !contacts.email().equals(organisation.email)
                || contacts.phone() != null && !contacts.phone().equals(organisation.phone)
                || contacts.address() != null && !contacts.address().equals(organisation.address);
        if (changes && mayEnrich.test(organisation)) {
            organisation.website = contacts.website() != null ? contacts.website() : organisation.website;
            organisation.email = contacts.email() != null ? contacts.email() : organisation.email;
            organisation.phone = contacts.phone() != null ? contacts.phone() : organisation.phone;
            organisation.address = contacts.address() != null ? contacts.address() : organisation.address;
        }
    }

    private void remember(Organisation organisation) {
        byName.putIfAbsent(organisation.nameKey, organisation);
        if (organisation.siret != null) {
            bySiret.put(organisation.siret, organisation);
        }
        if (organisation.finess != null) {
            byFiness.put(organisation.finess, organisation);
        }
        if (organisation.cogCode != null) {
            byCogCode.put(cogKey(organisation.type, organisation.cogCode), organisation);
        }
    }

    private static boolean compatible(String known, String given) {
        return known == null || given == null || known.equals(given);
    }

    private static String cogKey(OrganisationType type, String code) {
        return type + ":" + code;
    }
}
