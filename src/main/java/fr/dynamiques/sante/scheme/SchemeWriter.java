package fr.dynamiques.sante.scheme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import fr.dynamiques.sante.coordinator.PersonMatcher;
import fr.dynamiques.sante.organisation.Organisation;
import fr.dynamiques.sante.organisation.OrganisationMatcher;
import fr.dynamiques.sante.organisation.OrganisationType;
import fr.dynamiques.sante.organisation.PartnerRole;
import fr.dynamiques.sante.scheme.SchemeDocument.OrganisationRef;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.text.FoldedText;

/**
 * Copies validated documents onto entities: resolves the perimeter to communes, organisations and people
 * to shared rows, themes to the vocabulary's spelling. One writer serves one write (one scheme or a whole
 * import), so that what it reads of the registry is read once.
 */
final class SchemeWriter {

    private final CogSnapshot cog;
    private final OrganisationMatcher organisations = OrganisationMatcher.ofRegistry();
    private final PersonMatcher people = PersonMatcher.ofRegistry();
    private final Function<String, String> themes = Theme.canonicaliser();
    private final Instant now = Instant.now();

    SchemeWriter(CogSnapshot cog) {
        this.cog = cog;
    }

    /** The previous contract is linked afterwards ({@link #link}), once every scheme of the write exists. */
    void apply(SchemeDocument doc, Scheme scheme, SchemeKind kind) {
        scheme.ref = doc.ref().strip();
        scheme.name = doc.name().strip();
        scheme.sortName = FoldedText.of(scheme.name);
        scheme.kind = kind;
        scheme.status = SchemeStatus.valueOf(doc.status());
        scheme.startDate = doc.startDate();
        scheme.endDate = doc.endDate();
        scheme.description = blankToNull(doc.description());
        scheme.website = blankToNull(doc.website());
        scheme.source = blankToNull(doc.source());
        scheme.lastVerified = doc.lastVerified();
        scheme.themes = new ArrayList<>(new LinkedHashSet<>(doc.themesOrEmpty().stream().map(themes).toList()));

        scheme.generation = doc.generation();
        scheme.cptsStage = doc.cptsStage() == null ? null : CptsStage.valueOf(doc.cptsStage());
        scheme.aciDate = doc.aciDate();
        scheme.coCarryingHospital = doc.coCarryingHospital() == null ? null : organisation(doc.coCarryingHospital());
        scheme.qpvCodes = new ArrayList<>(new LinkedHashSet<>(doc.priorityNeighbourhoodsOrEmpty().stream()
                .map(code -> code.strip().toUpperCase()).toList()));
        replace(scheme.amendments, doc.amendmentsOrEmpty().stream().map(SchemeWriter::amendment).toList());

        scheme.projectStep = doc.projectStep() == null ? null : ProjectStep.valueOf(doc.projectStep());
        replace(scheme.assessments, doc.approachOrEmpty().stream().map(SchemeWriter::assessment).toList());

        applyPerimeter(doc.perimeter(), scheme);
        applyPartners(doc, scheme);

        if (scheme.createdAt == null) {
            scheme.createdAt = now;
        }
        scheme.updatedAt = now;
    }

    static void link(Scheme scheme, Scheme previous) {
        scheme.previous = previous;
    }

    private void applyPerimeter(SchemeDocument.Perimeter perimeter, Scheme scheme) {
        scheme.perimeterCommunes = distinct(perimeter.communesOrEmpty());
        scheme.perimeterEpcis = distinct(perimeter.epcisOrEmpty());
        scheme.perimeterDepartments = distinct(perimeter.departmentsOrEmpty());
        Set<String> covered = cog.resolve(scheme.perimeterCommunes, scheme.perimeterEpcis, scheme.perimeterDepartments);
        // Keep the collection instance: Hibernate then writes only the communes that changed.
        scheme.communeCodes.retainAll(covered);
        scheme.communeCodes.addAll(covered);
        scheme.communeCount = covered.size();
        scheme.population = cog.population(covered);
        scheme.cogYear = cog.cogYear();
    }

    /**
     * Partners as given; then the funders and employers named by fundings and coordinators, added as
     * partners with that role when they are not among them.
     */
    private void applyPartners(SchemeDocument doc, Scheme scheme) {
        List<Partnership> partners = new ArrayList<>();
        for (SchemeDocument.PartnerEntry entry : doc.partnersOrEmpty()) {
            partners.add(new Partnership(organisation(entry.organisation()),
                    entry.roles().stream().map(PartnerRole::valueOf).toList()));
        }
        List<Funding> fundings = new ArrayList<>();
        for (SchemeDocument.FundingEntry entry : doc.fundingsOrEmpty()) {
            Funding funding = new Funding();
            funding.organisation = partner(partners, entry.organisation(), PartnerRole.FUNDER);
            funding.year = entry.year();
            funding.amountEuros = entry.amountEuros();
            funding.purpose = blankToNull(entry.purpose());
            fundings.add(funding);
        }
        List<Coordination> coordinators = new ArrayList<>();
        for (SchemeDocument.CoordinatorEntry entry : doc.coordinatorsOrEmpty()) {
            Coordination coordination = new Coordination();
            coordination.person = people.match(entry.firstName(), entry.lastName(), entry.email(), entry.phone());
            coordination.title = blankToNull(entry.title());
            coordination.employer = entry.employer() == null || entry.employer().isBlank() ? null
                    : partner(partners, entry.employer(), PartnerRole.EMPLOYER);
            coordination.publicContact = entry.publicContact();
            coordination.publicContactSince = !entry.publicContact() ? null
                    : entry.publicContactSince() != null ? entry.publicContactSince() : LocalDate.now();
            coordinators.add(coordination);
        }
        replace(scheme.partners, partners);
        replace(scheme.fundings, fundings);
        replace(scheme.coordinators, coordinators);
    }

    /** The partner of that name, given that role if it lacks it; added as a new partner if absent. */
    private Organisation partner(List<Partnership> partners, String name, PartnerRole role) {
        String key = FoldedText.of(name);
        Partnership partnership = partners.stream().filter(p -> p.organisation.nameKey.equals(key)).findFirst()
                .orElseGet(() -> {
                    Organisation organisation = organisations.findByName(name)
                            .orElseGet(() -> organisations.match(name, null, null, null, null));
                    Partnership added = new Partnership(organisation, List.of());
                    partners.add(added);
                    return added;
                });
        partnership.add(role);
        return partnership.organisation;
    }

    private Organisation organisation(OrganisationRef ref) {
        OrganisationType type = ref.type() == null ? null : OrganisationType.valueOf(ref.type());
        return organisations.match(ref.name(), type, blankToNull(ref.siret()), blankToNull(ref.finess()),
                blankToNull(ref.cogCode()));
    }

    private static Amendment amendment(SchemeDocument.AmendmentEntry entry) {
        Amendment amendment = new Amendment();
        amendment.signedOn = entry.date();
        amendment.title = entry.title().strip();
        amendment.summary = blankToNull(entry.summary());
        return amendment;
    }

    private static Assessment assessment(SchemeDocument.AssessmentEntry entry) {
        Assessment assessment = new Assessment();
        assessment.criterion = ApproachCriterion.valueOf(entry.criterion());
        assessment.score = entry.score().shortValue();
        assessment.comment = blankToNull(entry.comment());
        return assessment;
    }

    /** Collections are replaced in place: Hibernate tracks the instance it loaded. */
    private static <T> void replace(List<T> target, List<T> values) {
        target.clear();
        target.addAll(values);
    }

    private static List<String> distinct(List<String> codes) {
        return new ArrayList<>(new LinkedHashSet<>(codes.stream().map(String::strip).toList()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
