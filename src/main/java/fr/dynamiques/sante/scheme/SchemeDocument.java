package fr.dynamiques.sante.scheme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.organisation.Organisation;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryViews;

/**
 * A scheme as the API reads and writes it (shared/API.md). One shape both ways, so that PUT accepts
 * what GET returns: the fields marked read-only are computed by the directory and ignored on input.
 * Lists absent from a request are read as empty.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Scheme", description = "A territorial health scheme")
public record SchemeDocument(
        @Schema(readOnly = true, description = "Assigned by the directory", examples = "42") Long id,

        @NotBlank @Size(max = 100) @Pattern(regexp = REF, message = "letters, digits, '.', '_', ':' or '-', starting with a letter or digit") @Schema(description = "The caller's stable key, unique in the registry", examples = "ars-ara-cls-0042") String ref,

        @NotBlank @Size(max = 300) @Schema(examples = "Contrat local de santé d'Échirolles") String name,

        @NotBlank @Size(max = 20) @Schema(description = "Code of a kind of scheme: ASV, CLS, CLSM, CPTS, or any kind listed at /api/v1/kinds", examples = "CLS") String kind,

        @Schema(readOnly = true, description = "The kind spelt out, in French", examples = "Contrat local de santé") String kindLabel,

        @NotBlank @Schema(enumeration = {
                "DRAFT", "ACTIVE", "RENEWAL", "ENDED" }, examples = "ACTIVE") String status,

        @Schema(examples = "2021-06-01") LocalDate startDate,
        @Schema(description = "Not before startDate", examples = "2026-05-31") LocalDate endDate,

        @Size(max = 5000) @Schema(examples = "Deuxième contrat local de santé de la ville, signé avec l'ARS et la préfecture.") String description,

        @Size(max = 500) @Pattern(regexp = URL, message = "must be an http or https address") @Schema(examples = "https://www.echirolles.fr/sante") String website,

        @Schema(description = "Labels of the controlled vocabulary (/api/v1/themes), matched whatever the case and accents, "
                + "or free tags", examples = "[\"santé mentale\", \"accès aux droits et aux soins\"]") @Size(max = 50) List<@NotBlank @Size(max = 120) @Pattern(regexp = NO_PIPE, message = "must not contain '|'") String> themes,

        @NotNull @Valid Perimeter perimeter,

        @Min(1) @Max(20) @Schema(description = "Kinds with generations (CLS): 1 for a first contract, 2 for its successor...", examples = "2") Integer generation,

        @Size(max = 100) @Schema(description = "Kinds with generations: ref of the contract this one follows", examples = "ars-ara-cls-0017") String previousRef,

        @Schema(description = "Kinds with generations: amendments (avenants), dated") @Size(max = 100) List<@NotNull @Valid AmendmentEntry> amendments,

        @Schema(description = "CPTS: stage reached", enumeration = { "EMERGENCE", "LETTER_OF_INTENT",
                "HEALTH_PROJECT_VALIDATED", "ACI_SIGNED" }, examples = "ACI_SIGNED") String cptsStage,

        @Schema(description = "CPTS: date the ACI was signed (stage ACI_SIGNED)", examples = "2020-07-09") LocalDate aciDate,

        @Valid @Schema(description = "CLSM: the hospital carrying the council with the city") OrganisationRef coCarryingHospital,

        @Schema(description = "ASV: codes of the priority neighbourhoods (QPV), as given", examples = "[\"QN09101M\"]") @Size(max = 200) List<@NotBlank @Size(max = 20) @Pattern(regexp = QPV, message = "letters and digits only") String> priorityNeighbourhoods,

        @Size(max = 200) List<@NotNull @Valid PartnerEntry> partners,

        @Size(max = 500) List<@NotNull @Valid FundingEntry> fundings,

        @Schema(description = "People coordinating the scheme. Public answers show their names, email and phone "
                + "only when publicContact is true; title and employer always.") @Size(max = 50) List<@NotNull @Valid CoordinatorEntry> coordinators,

        @Schema(description = "Step of the project cycle", enumeration = { "DIAGNOSIS", "PRIORITISATION", "PLANNING",
                "IMPLEMENTATION", "EVALUATION" }, examples = "IMPLEMENTATION") String projectStep,

        @Schema(description = "Self-assessment on the grid of a territorialised approach, one entry per criterion") @Size(max = 20) List<@NotNull @Valid AssessmentEntry> approach,

        @Size(max = 500) @Pattern(regexp = URL, message = "must be an http or https address") @Schema(description = "Where the facts come from", examples = "https://www.auvergne-rhone-alpes.ars.sante.fr/les-contrats-locaux-de-sante") String source,

        @Schema(description = "When the facts were last checked against the source", examples = "2026-11-01") LocalDate lastVerified,

        @Schema(readOnly = true, description = "Population of the distinct communes covered (INSEE municipal population)", examples = "37491") Long population,

        @Schema(readOnly = true, examples = "1") Integer communeCount,

        @Schema(readOnly = true, enumeration = { "rural", "intermediate", "urban" }, description = "The density class most of "
                + "the perimeter's inhabitants live in, each commune classed from its population and the area of its outline "
                + "(README, \"Density\")", examples = "urban") String density,

        @Schema(readOnly = true, enumeration = { "part", "whole", "several" }, description = "How the perimeter sits among the "
                + "EPCI: part of one, one whole, or communes of several", examples = "part") String epciSpan,

        @Schema(readOnly = true, description = "Départements the perimeter touches") List<TerritoryViews.Ref> departments,

        @Schema(readOnly = true, description = "Régions the perimeter touches") List<TerritoryViews.Ref> regions,

        @Schema(readOnly = true, description = "CPTS only: size 1 to 4 from the population (<40k, 40-80k, 80-175k, >175k)", examples = "2") Integer size,

        @Schema(readOnly = true, description = "COG year the perimeter was resolved with", examples = "2026") Integer cogYear,

        @Schema(readOnly = true, description = "Kinds with generations: every contract of this lineage, oldest first") List<LineageEntry> history,

        @Schema(readOnly = true, examples = "2026-11-02T09:15:00Z") Instant createdAt,
        @Schema(readOnly = true, examples = "2026-11-20T16:40:00Z") Instant updatedAt){

    static final String REF = "[A-Za-z0-9][A-Za-z0-9._:-]*";
    static final String URL = "https?://\\S+";
    static final String NO_PIPE = "[^|]*";
    static final String QPV = "[A-Za-z0-9]*";

    /** The document of a stored scheme with, for kinds with generations, its lineage. */
    public static SchemeDocument withHistory(Scheme s, CogSnapshot cog, boolean withPersonalData) {
        List<LineageEntry> history = s.kind.has(KindFeature.GENERATIONS) ? s.lineage().stream().map(LineageEntry::of).toList()
                : null;
        return of(s, cog, withPersonalData, history);
    }

    /**
     * The document of a stored scheme. Coordinators who did not consent appear with their title and
     * employer only, unless {@code withPersonalData} (the admin's reads and exports).
     */
    public static SchemeDocument of(Scheme s, CogSnapshot cog, boolean withPersonalData, List<LineageEntry> history) {
        boolean cpts = s.kind.has(KindFeature.CPTS_STAGES);
        return new SchemeDocument(s.id, s.ref, s.name, s.kind.code, s.kind.labelFr, s.status.name(),
                s.startDate, s.endDate, s.description, s.website, List.copyOf(s.themes),
                new Perimeter(List.copyOf(s.perimeterCommunes), List.copyOf(s.perimeterEpcis),
                        List.copyOf(s.perimeterDepartments), List.copyOf(s.perimeterArrondissements)),
                s.generation, s.previous == null ? null : s.previous.ref,
                s.amendments.stream().map(a -> new AmendmentEntry(a.signedOn, a.title, a.summary)).toList(),
                s.cptsStage == null ? null : s.cptsStage.name(), s.aciDate,
                s.coCarryingHospital == null ? null : OrganisationRef.of(s.coCarryingHospital),
                List.copyOf(s.qpvCodes),
                s.partners.stream().map(p -> new PartnerEntry(OrganisationRef.of(p.organisation), List.copyOf(p.roles)))
                        .toList(),
                s.fundings.stream().map(f -> new FundingEntry(f.organisation.name, f.year, f.amountEuros, f.purpose)).toList(),
                s.coordinators.stream().map(c -> CoordinatorEntry.of(c, withPersonalData)).toList(),
                s.projectStep == null ? null : s.projectStep.name(),
                s.assessments.stream().map(a -> new AssessmentEntry(a.criterion.name(), (int) a.score, a.comment)).toList(),
                s.source, s.lastVerified,
                s.population, s.communeCount, s.density == null ? null : s.density.apiName(),
                s.epciSpan == null ? null : s.epciSpan.apiName(), cog.departmentsOf(s.communeCodes),
                cog.regionsOf(s.communeCodes),
                cpts ? Scheme.cptsSize(s.population) : null, s.cogYear, history, s.createdAt, s.updatedAt);
    }

    /** The same document with another perimeter: names resolved to codes before validation. */
    public SchemeDocument withPerimeter(Perimeter resolved) {
        return new SchemeDocument(id, ref, name, kind, kindLabel, status, startDate, endDate, description, website, themes,
                resolved, generation, previousRef, amendments, cptsStage, aciDate, coCarryingHospital, priorityNeighbourhoods,
                partners, fundings, coordinators, projectStep, approach, source, lastVerified, population, communeCount,
                density, epciSpan, departments, regions, size, cogYear, history, createdAt, updatedAt);
    }

    public List<String> themesOrEmpty() {
        return themes == null ? List.of() : themes;
    }

    public List<AmendmentEntry> amendmentsOrEmpty() {
        return amendments == null ? List.of() : amendments;
    }

    public List<String> priorityNeighbourhoodsOrEmpty() {
        return priorityNeighbourhoods == null ? List.of() : priorityNeighbourhoods;
    }

    public List<PartnerEntry> partnersOrEmpty() {
        return partners == null ? List.of() : partners;
    }

    public List<FundingEntry> fundingsOrEmpty() {
        return fundings == null ? List.of() : fundings;
    }

    public List<CoordinatorEntry> coordinatorsOrEmpty() {
        return coordinators == null ? List.of() : coordinators;
    }

    public List<AssessmentEntry> approachOrEmpty() {
        return approach == null ? List.of() : approach;
    }

    @Schema(description = "The territory as declared; the directory resolves it to places: communes (EPCI and départements to "
            + "their member communes), and the municipal arrondissements of Paris, Lyon and Marseille in place of their city. "
            + "An import may give names instead of codes (see POST /schemes/import).")
    public record Perimeter(
            @Schema(description = "INSEE codes of communes (COG); a city's covers each of its arrondissements", examples = "[\"38151\"]") @Size(max = 40000) List<@NotBlank String> communes,
            @Schema(description = "SIREN of EPCI: all their member communes", examples = "[]") @Size(max = 1500) List<@NotBlank String> epcis,
            @Schema(description = "Département codes: all their communes", examples = "[]") @Size(max = 110) List<@NotBlank String> departments,
            @Schema(description = "INSEE codes of municipal arrondissements of Paris (75101-75120), Lyon (69381-69389) and "
                    + "Marseille (13201-13216)", examples = "[\"75118\"]") @Size(max = 50) List<@NotBlank String> arrondissements) {

        public Perimeter(List<String> communes, List<String> epcis, List<String> departments) {
            this(communes, epcis, departments, null);
        }

        public List<String> communesOrEmpty() {
            return communes == null ? List.of() : communes;
        }

        public List<String> epcisOrEmpty() {
            return epcis == null ? List.of() : epcis;
        }

        public List<String> departmentsOrEmpty() {
            return departments == null ? List.of() : departments;
        }

        public List<String> arrondissementsOrEmpty() {
            return arrondissements == null ? List.of() : arrondissements;
        }

        /** The places it covers with the referential in memory (see {@link CogSnapshot#resolve}). */
        public Set<String> places(CogSnapshot cog) {
            return cog.resolve(communesOrEmpty(), arrondissementsOrEmpty(), epcisOrEmpty(), departmentsOrEmpty());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "An organisation, matched across the registry by SIRET, FINESS or COG code, else by name "
            + "(case, accents and punctuation aside)")
    public record OrganisationRef(
            @Schema(readOnly = true, examples = "7") Long id,
            @NotBlank @Size(max = 200) @Schema(examples = "ARS Auvergne-Rhône-Alpes") String name,
            @Schema(description = "Defaults to OTHER for a new organisation", enumeration = {
                    "ARS", "COMMUNE", "EPCI", "DEPARTMENT", "REGION", "STATE", "CPAM", "HOSPITAL", "ASSOCIATION",
                    "OTHER" }, examples = "ARS") String type,
            @Pattern(regexp = "\\d{14}", message = "must be 14 digits") @Schema(examples = "13000548100010") String siret,
            @Pattern(regexp = "(\\d{2}|2[AB])\\d{7}", message = "must be 9 characters: département then 7 digits") @Schema(examples = "380780080") String finess,
            @Schema(description = "For a commune, EPCI, département or région: its COG code", examples = "38151") String cogCode,
            @Size(max = 500) @Pattern(regexp = URL, message = "must be an http or https address") @Schema(description = "The organisation's public website", examples = "https://www.example.org") String website,
            @Email @Size(max = 254) @Schema(description = "A generic public address (contact@, accueil@): an organisation's, never a person's", examples = "contact@example.org") String email,
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ().-]{6,30}", message = "must be a phone number") @Schema(description = "The organisation's switchboard or reception", examples = "04 76 00 00 00") String phone,
            @Size(max = 500) @Schema(description = "Postal address", examples = "1 place de la Mairie, 38130 Échirolles") String address){

        public OrganisationRef(Long id, String name, String type, String siret, String finess, String cogCode) {
            this(id, name, type, siret, finess, cogCode, null, null, null, null);
        }

        static OrganisationRef of(Organisation o) {
            return new OrganisationRef(o.id, o.name, o.type.name(), o.siret, o.finess, o.cogCode, o.website, o.email, o.phone,
                    o.address);
        }
    }

    @Schema(description = "An organisation's part in the scheme")
    public record PartnerEntry(
            @NotNull @Valid OrganisationRef organisation,
            @NotNull @Size(min = 1, message = "must name at least one role") @Schema(description = "Each one of CARRIER, SIGNATORY, FUNDER, PARTNER, EMPLOYER", examples = "[\"SIGNATORY\", \"FUNDER\"]") List<@NotBlank String> roles) {
    }

    @Schema(description = "An amount granted for one year. An organisation not yet among the partners is added as FUNDER.")
    public record FundingEntry(
            @NotBlank @Size(max = 200) @Schema(description = "Name of the funding organisation", examples = "ARS Auvergne-Rhône-Alpes") String organisation,
            @NotNull @Min(1980) @Max(2100) @Schema(examples = "2024") Integer year,
            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) @Schema(examples = "35000") BigDecimal amountEuros,
            @Size(max = 300) @Schema(examples = "coordination") String purpose) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A person coordinating the scheme (personal data). Identified across schemes by email. "
            + "An employer not yet among the partners is added as EMPLOYER. A reader who may not see a person's data gets "
            + "their entry without name, email or phone, with their id: written back so (id, no name), the entry keeps "
            + "that person on the scheme unchanged.")
    public record CoordinatorEntry(
            @Schema(description = "The person's id in the directory; alone (no name), keeps this coordinator as recorded", examples = "42") Long id,
            @Size(max = 100) @Schema(description = "Required unless the entry keeps a coordinator by id", examples = "Camille") String firstName,
            @Size(max = 100) @Schema(description = "Required unless the entry keeps a coordinator by id", examples = "Exemple") String lastName,
            @Size(max = 200) @Schema(examples = "Coordinatrice CLS") String title,
            @Email @Size(max = 254) @Schema(description = "Professional address", examples = "camille.exemple@example.org") String email,
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ().-]{6,30}", message = "must be a phone number") @Schema(description = "Professional phone for this scheme", examples = "04 76 00 00 00") String phone,
            @Size(max = 200) @Schema(description = "Name of the employing organisation", examples = "Ville d'Échirolles") String employer,
            @Schema(description = "Consent to show name, email and phone publicly", examples = "true") boolean publicContact,
            @Schema(description = "When consent was given; today if omitted while publicContact is true", examples = "2026-10-15") LocalDate publicContactSince) {

        /** Keeps a recorded coordinator as they are: an id and no name. */
        @JsonIgnore
        public boolean keepsById() {
            return id != null && firstName == null && lastName == null && email == null && phone == null;
        }

        /** The same entry without the person's name and contact: their id stays, so that it can be written back. */
        public CoordinatorEntry withoutPersonalData() {
            return new CoordinatorEntry(id, null, null, title, null, null, employer, publicContact, publicContactSince);
        }

        /** The entry of a coordination, personal data shown only with the person's consent or to the admin. */
        public static CoordinatorEntry of(Coordination c, boolean withPersonalData) {
            boolean shown = withPersonalData || c.publicContact;
            Person p = c.person;
            return new CoordinatorEntry(p.id, shown ? p.firstName : null, shown ? p.lastName : null, c.title,
                    shown ? p.email : null, shown ? c.phone : null, c.employer == null ? null : c.employer.name,
                    c.publicContact, c.publicContactSince);
        }
    }

    @Schema(description = "An amendment (avenant) to a contract")
    public record AmendmentEntry(
            @NotNull @Schema(examples = "2024-03-15") LocalDate date,
            @NotBlank @Size(max = 300) @Schema(examples = "Avenant n°1 : ajout d'un axe santé mentale") String title,
            @Size(max = 2000) @Schema(examples = "Le contrat s'étend à la santé mentale des jeunes.") String summary) {
    }

    @Schema(description = "Self-assessed score on one criterion of a territorialised approach")
    public record AssessmentEntry(
            @NotBlank @Schema(enumeration = {
                    "POLITICAL", "PROJECT", "TERRITORIALISED", "BOTTOM_UP", "PARTNERSHIP", "CROSS_SECTORAL",
                    "COORDINATED" }, examples = "PARTNERSHIP") String criterion,
            @NotNull @Min(0) @Max(3) @Schema(examples = "2") Integer score,
            @Size(max = 2000) @Schema(examples = "Comité de pilotage ouvert aux associations depuis 2024") String comment){
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One contract of a lineage")
    public record LineageEntry(@Schema(examples = "17") Long id, @Schema(examples = "ars-ara-cls-0017") String ref,
            @Schema(examples = "Contrat local de santé d'Échirolles 2015-2020") String name,
            @Schema(examples = "1") Integer generation, @Schema(examples = "ENDED") String status,
            @Schema(examples = "2015-06-01") LocalDate startDate, @Schema(examples = "2020-05-31") LocalDate endDate) {

        static LineageEntry of(Scheme s) {
            return new LineageEntry(s.id, s.ref, s.name, s.generation, s.status.name(), s.startDate, s.endDate);
        }
    }
}
