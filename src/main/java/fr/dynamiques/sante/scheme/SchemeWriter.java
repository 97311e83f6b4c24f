package fr.dynamiques.sante.scheme;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.coordinator.PersonMatcher;
import fr.dynamiques.sante.organisation.Organisation;
import fr.dynamiques.sante.organisation.OrganisationMatcher;
import fr.dynamiques.sante.organisation.OrganisationType;
import fr.dynamiques.sante.organisation.PartnerRole;
import fr.dynamiques.sante.scheme.SchemeDocument.OrganisationRef;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.Densities;
import fr.dynamiques.sante.territory.EpciSpan;
import fr.dynamiques.sante.territory.TerritoryViews;
import fr.dynamiques.sante.text.FoldedText;
import fr.dynamiques.sante.text.Stripped;

/**
 * Copies validated documents onto entities: resolves the perimeter to communes, organisations and people
 * to shared rows, themes to the vocabulary's spelling. One writer serves one write (one scheme or a whole
 * import), so that what it reads of the registry is read once.
 */
public final class SchemeWriter {

    private final CogSnapshot cog;
    private final Densities densities;
    private final OrganisationMatcher organisations;
    private final PersonMatcher people;
    private final Function<String, String> themes = Theme.canonicaliser();
    private final Instant now = Scheme.now();

    /** People and organisations are shared with other schemes: the hooks say whether they may change, and before. */
    public SchemeWriter(CogSnapshot cog, Densities densities, Predicate<Person> mayRename, Predicate<Organisation> mayEnrich) {
        this.cog = cog;
        this.densities = densities;
        this.organisations = OrganisationMatcher.ofRegistry(mayEnrich);
        this.people = PersonMatcher.ofRegistry(mayRename);
    }

    /**
     * Writes validated documents: each onto the scheme it replaces ({@code targets}, by position) or a new one, then links
     * previous contracts (in this write or the registry), then drops the people no scheme names any more.
     */
    public List<Scheme> writeAll(List<SchemeDocument> docs, Map<Integer, Scheme> targets) {
        Map<String, SchemeKind> kinds = SchemeKind.byCode();
        List<Scheme> written = new ArrayList<>(docs.size());
        // Previous contracts outside this write, read before it: a query amid the writes would flush them each time.
        List<String> outside = docs.stream().map(SchemeDocument::previousRef).filter(r -> r != null && !r.isBlank())
                .map(String::strip).distinct().toList();
        Map<String, Scheme> byRef = outside.isEmpty() ? new HashMap<>()
                : Scheme.<Scheme> list("ref in ?1", outside).stream().collect(Collectors.toMap(s -> s.ref, s -> s));
        for (int i = 0; i < docs.size(); i++) {
            SchemeDocument doc = docs.get(i);
            Scheme scheme = targets.getOrDefault(i, new Scheme());
            apply(doc, scheme, kinds.get(doc.kind()));
            if (scheme.id == null) {
                scheme.persist();
            }
            written.add(scheme);
        }
        // The schemes of this write replace whatever the registry held under their refs.
        byRef.values().removeIf(written::contains);
        for (Scheme scheme : written) {
            byRef.put(scheme.ref, scheme);
        }
        for (int i = 0; i < docs.size(); i++) {
            String previousRef = docs.get(i).previousRef();
            Scheme previous = previousRef == null || previousRef.isBlank() ? null : byRef.get(previousRef.strip());
            if (previousRef != null && !previousRef.isBlank() && previous == null) {
                throw new IllegalStateException("Validated previousRef " + previousRef + " not found");
            }
            written.get(i).previous = previous;
        }
        Person.deleteUnreferenced();
        Organisation.deleteUnreferenced();
        return written;
    }

    /** The previous contract is linked afterwards, by writeAll, once every scheme of the write exists. */
    public void apply(SchemeDocument doc, Scheme scheme, SchemeKind kind) {
        scheme.ref = doc.ref().strip();
        scheme.name = doc.name().strip();
        scheme.sortName = FoldedText.of(scheme.name);
        scheme.kind = kind;
        scheme.status = SchemeStatus.valueOf(doc.status());
        scheme.startDate = doc.startDate();
        scheme.endDate = doc.endDate();
        scheme.description = Stripped.orNull(doc.description());
        scheme.website = Stripped.orNull(doc.website());
        scheme.source = Stripped.orNull(doc.source());
        scheme.lastVerified = doc.lastVerified();
        scheme.themes = new ArrayList<>(new LinkedHashSet<>(doc.themesOrEmpty().stream().map(themes).toList()));

        scheme.generation = doc.generation();
        scheme.cptsStage = Stripped.orNull(doc.cptsStage()) == null ? null : CptsStage.valueOf(doc.cptsStage().strip());
        scheme.aciDate = doc.aciDate();
        scheme.coCarryingHospital = doc.coCarryingHospital() == null ? null : organisation(doc.coCarryingHospital());
        scheme.qpvCodes = new ArrayList<>(new LinkedHashSet<>(doc.priorityNeighbourhoodsOrEmpty().stream()
                .map(code -> code.strip().toUpperCase()).toList()));
        scheme.amendments = new ArrayList<>(doc.amendmentsOrEmpty().stream().map(SchemeWriter::amendment).toList());

        scheme.projectStep = Stripped.orNull(doc.projectStep()) == null ? null : ProjectStep.valueOf(doc.projectStep().strip());
        scheme.assessments = new ArrayList<>(doc.approachOrEmpty().stream().map(SchemeWriter::assessment).toList());

        applyPerimeter(doc.perimeter(), scheme);
        applyPartners(doc, scheme);

        if (scheme.createdAt == null) {
            scheme.createdAt = now;
        }
        scheme.updatedAt = now;
    }

    private void applyPerimeter(SchemeDocument.Perimeter perimeter, Scheme scheme) {
        scheme.perimeterCommunes = distinct(perimeter.communesOrEmpty());
        scheme.perimeterEpcis = distinct(perimeter.epcisOrEmpty());
        scheme.perimeterDepartments = distinct(perimeter.departmentsOrEmpty());
        scheme.perimeterArrondissements = distinct(perimeter.arrondissementsOrEmpty());
        resolvePerimeter(scheme, cog, densities);
    }

    /**
     * The places the declared perimeter covers, with their population, départements, density class and span over the
     * EPCI, from the referential in memory: after a write, and after a new COG (the same declaration may then cover
     * other places).
     */
    public static void resolvePerimeter(Scheme scheme, CogSnapshot cog, Densities densities) {
        Set<String> covered = cog.resolve(scheme.perimeterCommunes, scheme.perimeterArrondissements, scheme.perimeterEpcis,
                scheme.perimeterDepartments);
        // Keep the collection instance: Hibernate then writes only the places that changed.
        scheme.communeCodes.retainAll(covered);
        scheme.communeCodes.addAll(covered);
        // Communes as people count them: Paris is one commune, whether it is named whole or by arrondissements.
        scheme.communeCount = cog.communesOf(covered).size();
        scheme.population = cog.population(covered);
        scheme.departmentCodes = new ArrayList<>(cog.departmentsOf(covered).stream().map(TerritoryViews.Ref::code).toList());
        scheme.cogYear = cog.cogYear();
        scheme.density = densities.of(covered).orElse(null);
        scheme.epciSpan = EpciSpan.of(covered, cog).orElse(null);
    }

    /**
     * Partners as given (entries naming one organisation merge their roles); then the funders and employers
     * named by fundings and coordinators, added as partners with that role when they are not among them.
     */
    private void applyPartners(SchemeDocument doc, Scheme scheme) {
        Partners partners = new Partners();
        for (SchemeDocument.PartnerEntry entry : doc.partnersOrEmpty()) {
            Partnership partnership = partners.of(organisation(entry.organisation()), entry.organisation().name());
            entry.roles().forEach(role -> partnership.add(PartnerRole.valueOf(role.strip())));
        }
        List<Funding> fundings = new ArrayList<>();
        for (SchemeDocument.FundingEntry entry : doc.fundingsOrEmpty()) {
            Funding funding = new Funding();
            funding.organisation = partners.named(entry.organisation(), PartnerRole.FUNDER);
            funding.year = entry.year();
            // As the database keeps it (numeric(14, 2)): the answer to the write then equals the next read, tag included.
            funding.amountEuros = entry.amountEuros().setScale(2, RoundingMode.UNNECESSARY);
            funding.purpose = Stripped.orNull(entry.purpose());
            fundings.add(funding);
        }
        List<Coordination> coordinators = new ArrayList<>();
        Map<Long, Coordination> recorded = new HashMap<>();
        if (scheme.coordinators != null) {
            scheme.coordinators.forEach(c -> recorded.put(c.person.id, c));
        }
        for (SchemeDocument.CoordinatorEntry entry : doc.coordinatorsOrEmpty()) {
            Coordination coordination = new Coordination();
            if (entry.keepsById()) {
                // A person the writer may not see, kept as recorded (the validator checked they are).
                Coordination kept = recorded.get(entry.id());
                coordination.person = kept.person;
                coordination.title = kept.title;
                coordination.phone = kept.phone;
                coordination.employer = kept.employer == null ? null : partners.named(kept.employer.name, PartnerRole.EMPLOYER);
                coordination.publicContact = kept.publicContact;
                coordination.publicContactSince = kept.publicContactSince;
                coordinators.add(coordination);
                continue;
            }
            coordination.person = people.match(entry.firstName(), entry.lastName(), entry.email());
            coordination.title = Stripped.orNull(entry.title());
            coordination.phone = Stripped.orNull(entry.phone());
            coordination.employer = Stripped.orNull(entry.employer()) == null ? null
                    : partners.named(entry.employer(), PartnerRole.EMPLOYER);
            coordination.publicContact = entry.publicContact();
            coordination.publicContactSince = !entry.publicContact() ? null
                    : entry.publicContactSince() != null ? entry.publicContactSince() : LocalDate.now();
            coordinators.add(coordination);
        }
        // New lists, not the loaded ones emptied: Hibernate then deletes the old rows before inserting the new,
        // where updating positions in place would trip the unique (scheme, organisation) and (scheme, person).
        scheme.partners = partners.list;
        scheme.fundings = fundings;
        scheme.coordinators = coordinators;
    }

    /** The partners of one scheme, found by organisation or by any name the document gave them. */
    private final class Partners {
        final List<Partnership> list = new ArrayList<>();
        private final Map<String, Partnership> byName = new HashMap<>();

        Partnership of(Organisation organisation, String givenName) {
            Partnership partnership = list.stream().filter(p -> p.organisation == organisation).findFirst()
                    .orElseGet(() -> {
                        Partnership added = new Partnership(organisation, List.of());
                        list.add(added);
                        return added;
                    });
            byName.putIfAbsent(FoldedText.of(givenName), partnership);
            byName.putIfAbsent(organisation.nameKey, partnership);
            return partnership;
        }

        /** The partner of that name, given that role; the organisation is added as a partner if absent. */
        Organisation named(String name, PartnerRole role) {
            Partnership partnership = byName.get(FoldedText.of(name));
            if (partnership == null) {
                Organisation organisation = organisations.findByName(name)
                        .orElseGet(() -> organisations.match(name, null, null, null, null));
                partnership = of(organisation, name);
            }
            partnership.add(role);
            return partnership.organisation;
        }
    }

    private Organisation organisation(OrganisationRef ref) {
        OrganisationType type = Stripped.orNull(ref.type()) == null ? null : OrganisationType.valueOf(ref.type().strip());
        return organisations.match(ref.name(), type, Stripped.orNull(ref.siret()), Stripped.orNull(ref.finess()),
                Stripped.orNull(ref.cogCode()), new OrganisationMatcher.Contacts(Stripped.orNull(ref.website()),
                        Stripped.orNull(ref.email()), Stripped.orNull(ref.phone()), Stripped.orNull(ref.address())));
    }

    private static Amendment amendment(SchemeDocument.AmendmentEntry entry) {
        Amendment amendment = new Amendment();
        amendment.signedOn = entry.date();
        amendment.title = entry.title().strip();
        amendment.summary = Stripped.orNull(entry.summary());
        return amendment;
    }

    private static Assessment assessment(SchemeDocument.AssessmentEntry entry) {
        Assessment assessment = new Assessment();
        assessment.criterion = ApproachCriterion.valueOf(entry.criterion());
        assessment.score = entry.score().shortValue();
        assessment.comment = Stripped.orNull(entry.comment());
        return assessment;
    }

    private static List<String> distinct(List<String> codes) {
        return new ArrayList<>(new LinkedHashSet<>(codes.stream().map(String::strip).toList()));
    }
}
