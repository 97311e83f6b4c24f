package fr.dynamiques.sante.scheme;

import static fr.dynamiques.sante.index.AnalysisConfigurer.FOLDED_WORDS;
import static fr.dynamiques.sante.index.AnalysisConfigurer.FRENCH;
import static fr.dynamiques.sante.index.AnalysisConfigurer.WORD_PREFIX;
import static fr.dynamiques.sante.index.AnalysisConfigurer.WORD_QUERY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Query;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.PropertyBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyBinding;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.organisation.Organisation;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.Density;
import fr.dynamiques.sante.territory.EpciSpan;
import fr.dynamiques.sante.text.FoldedText;

/**
 * A territorial health scheme: what it is, where it acts, with whom, since when. Indexed with what people
 * type to find it (the search feature queries it); derived fields follow the entity's own collections only
 * (shallow): renaming an organisation or a kind does not reindex its schemes until they are next written
 * or the index is rebuilt.
 */
@Entity
@Indexed(index = "scheme")
public class Scheme extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheme_seq")
    @SequenceGenerator(name = "scheme_seq", sequenceName = "scheme_seq", allocationSize = 50)
    public Long id;

    /** The caller's stable key, unique in the registry. */
    @KeywordField(projectable = Projectable.YES)
    public String ref;

    @FullTextField(analyzer = FRENCH, projectable = Projectable.YES)
    @FullTextField(name = "nameWords", analyzer = FOLDED_WORDS)
    @FullTextField(name = "namePrefix", analyzer = WORD_PREFIX, searchAnalyzer = WORD_QUERY)
    public String name;

    /** The name folded by {@link fr.dynamiques.sante.text.FoldedText}: lists sort on it. */
    @KeywordField(sortable = Sortable.YES)
    public String sortName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "kind")
    public SchemeKind kind;

    @Enumerated(EnumType.STRING)
    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    public SchemeStatus status;

    @GenericField(sortable = Sortable.YES)
    public LocalDate startDate;

    public LocalDate endDate;

    @FullTextField(analyzer = FRENCH)
    public String description;

    public String website;

    /** Where the facts come from (a public page, a deliberation...). */
    public String source;

    public LocalDate lastVerified;

    /** Labels of the controlled vocabulary ({@link Theme}) or free tags, in the given order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(120)[]")
    @FullTextField(name = "themesText", analyzer = FRENCH)
    public List<String> themes = new ArrayList<>();

    // Kind-specific facts (see KindFeature)

    @GenericField
    public Integer generation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "previous_id")
    public Scheme previous;

    @Enumerated(EnumType.STRING)
    @KeywordField
    public CptsStage cptsStage;

    public LocalDate aciDate;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "co_carrying_hospital_id")
    public Organisation coCarryingHospital;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(20)[]")
    public List<String> qpvCodes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "scheme_amendment", joinColumns = @JoinColumn(name = "scheme_id"))
    @OrderColumn(name = "position")
    public List<Amendment> amendments = new ArrayList<>();

    // Territorialised approach, self-assessed

    @Enumerated(EnumType.STRING)
    public ProjectStep projectStep;

    @ElementCollection
    @CollectionTable(name = "scheme_assessment", joinColumns = @JoinColumn(name = "scheme_id"))
    @OrderColumn(name = "position")
    public List<Assessment> assessments = new ArrayList<>();

    // Perimeter: as declared, and resolved to places with the COG of cogYear

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(5)[]")
    public List<String> perimeterCommunes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(9)[]")
    public List<String> perimeterEpcis = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(3)[]")
    public List<String> perimeterDepartments = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(5)[]")
    public List<String> perimeterArrondissements = new ArrayList<>();

    /** The places covered (communes, and arrondissements of Paris, Lyon and Marseille in place of their city). */
    @ElementCollection
    @CollectionTable(name = "scheme_commune", joinColumns = @JoinColumn(name = "scheme_id"))
    @Column(name = "commune_code")
    @PropertyBinding(binder = @PropertyBinderRef(type = PerimeterBinder.class))
    public Set<String> communeCodes = new HashSet<>();

    public int cogYear;

    /** Sum of the populations of the distinct places covered. */
    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
    public long population;

    public int communeCount;

    /** The density class most of its inhabitants live in (see {@link Density}); null without places. */
    @Enumerated(EnumType.STRING)
    public Density density;

    /** Part of one EPCI, one whole, or several; null when none of its communes belongs to one. */
    @Column(name = "epci_span")
    @Enumerated(EnumType.STRING)
    public EpciSpan epciSpan;

    /** The départements the perimeter touches, resolved with it: coverage counts schemes by département from them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(3)[]")
    public List<String> departmentCodes = new ArrayList<>();

    // Partners and people

    @ElementCollection
    @CollectionTable(name = "scheme_partner", joinColumns = @JoinColumn(name = "scheme_id"))
    @OrderColumn(name = "position")
    public List<Partnership> partners = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "scheme_funding", joinColumns = @JoinColumn(name = "scheme_id"))
    @OrderColumn(name = "position")
    public List<Funding> fundings = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "scheme_coordinator", joinColumns = @JoinColumn(name = "scheme_id"))
    @OrderColumn(name = "position")
    public List<Coordination> coordinators = new ArrayList<>();

    public Instant createdAt;

    public Instant updatedAt;

    /** The scheme changed now (a write, or a person or organisation it shows): change feeds and tags follow this. */
    public void touch() {
        updatedAt = now();
    }

    /** The régions the scheme touches, from its départements: whose ARS officers answer for it. */
    public Set<String> regions(CogSnapshot cog) {
        return departmentCodes.stream().map(cog::regionOf).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The first schemes touching these départements (all when null), any status, by name; with {@link #countTouching}. */
    @SuppressWarnings("unchecked")
    public static List<Scheme> touching(Collection<String> departments, int limit) {
        var query = getEntityManager().createNativeQuery("select s.id from scheme s" + inDepartments(departments)
                + " order by s.sort_name, s.id limit " + limit);
        if (departments != null) {
            query.setParameter("departments", departments.toArray(String[]::new));
        }
        List<Long> ids = ((List<Number>) query.getResultList()).stream().map(Number::longValue).toList();
        return ids.isEmpty() ? List.of() : list("id in ?1 order by sortName, id", ids);
    }

    /** How many schemes touch these départements (all when null), any status. */
    public static long countTouching(Collection<String> departments) {
        var query = getEntityManager().createNativeQuery("select count(*) from scheme s" + inDepartments(departments));
        if (departments != null) {
            query.setParameter("departments", departments.toArray(String[]::new));
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String inDepartments(Collection<String> departments) {
        return departments == null ? "" : " where s.department_codes && cast(:departments as varchar[])";
    }

    /** Now, as PostgreSQL keeps it (microseconds): what a reader gets after the write equals what it got from the write. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The kind's code, for filters and facets. */
    @KeywordField(name = "kind", aggregable = Aggregable.YES, projectable = Projectable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "kind")), reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public String getKindCode() {
        return kind.code;
    }

    /** The kind spelt out: "contrat local de santé" finds the CLS. */
    @FullTextField(name = "kindText", analyzer = FRENCH)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "kind")), reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public String getKindText() {
        return kind.code + " " + kind.labelFr;
    }

    /** Active schemes before the others when relevance ties. */
    @GenericField(name = "statusRank", sortable = Sortable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "status")))
    public int getStatusRank() {
        return switch (status) {
            case ACTIVE -> 0;
            case RENEWAL -> 1;
            case DRAFT -> 2;
            case ENDED -> 3;
        };
    }

    /**
     * The themes the search counts the scheme under, for its theme facet and filter alike: each of its labels, and
     * every theme of the vocabulary one of them falls under ({@link Theme#covers}). "Santé mentale des jeunes" counts
     * under "santé mentale" too, so the count beside "santé mentale" is what ticking it finds.
     */
    @KeywordField(name = "themeCounted", aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "themes")))
    public List<String> getThemeFacets() {
        return Theme.counted(themes);
    }

    /** The density class as the API names it (rural, intermediate, urban): a facet and filter of the search. */
    @KeywordField(name = "density", aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "density")))
    public String getDensityName() {
        return density == null ? null : density.apiName();
    }

    @KeywordField(name = "epciSpan")
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "epciSpan")))
    public String getEpciSpanName() {
        return epciSpan == null ? null : epciSpan.apiName();
    }

    /** A CPTS's size class (1 to 4) from its population, as the ACI defines it; null for other kinds. */
    @GenericField(name = "cptsSize")
    @IndexingDependency(derivedFrom = { @ObjectPath(@PropertyValue(propertyName = "population")),
            @ObjectPath(@PropertyValue(propertyName = "kind")) }, reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public Integer getCptsSize() {
        return kind != null && kind.has(KindFeature.CPTS_STAGES) ? cptsSize(population) : null;
    }

    /** How many priority neighbourhoods (QPV) it works for, in three classes: 1, 2 or 3, 4 and more; null for none. */
    @GenericField(name = "priorityNeighbourhoodClass")
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "qpvCodes")))
    public Integer getPriorityNeighbourhoodClass() {
        int count = qpvCodes.size();
        return count == 0 ? null : count == 1 ? 1 : count <= 3 ? 2 : 3;
    }

    @FullTextField(name = "partnerNames", analyzer = FOLDED_WORDS)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "partners")), reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public List<String> getPartnerNames() {
        return partners.stream().map(p -> p.organisation.name).toList();
    }

    /** Organisations with the role FUNDER (fundings give them that role). */
    @KeywordField(name = "funder", aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "partners")), reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public List<String> getFunderNames() {
        return partners.stream().filter(p -> p.roles.contains("FUNDER")).map(p -> p.organisation.name).toList();
    }

    /** Only the coordinators who consented to be shown: the index is public too. */
    @FullTextField(name = "coordinatorNames", analyzer = FOLDED_WORDS)
    @IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "coordinators")), reindexOnUpdate = ReindexOnUpdate.SHALLOW)
    public List<String> getPublicCoordinatorNames() {
        return coordinators.stream().filter(c -> c.publicContact)
                .map(c -> c.person.firstName + " " + c.person.lastName).toList();
    }

    /**
     * Writes take turns, until their transaction ends: each moves counts shared by every scheme of a territory
     * (V4__coverage.sql), and two writes locking them in opposite orders would have PostgreSQL abort one of them.
     * Taking turns also settles two writers racing for one ref before either reads the registry, and orders the
     * registry's revisions (V11__scheme_revisions.sql, whose trigger takes the same lock for writes made otherwise).
     */
    public static void takeWriteTurn() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('scheme_write'))").getSingleResult();
    }

    /**
     * The scheme's revision as committed now (V11__scheme_revisions.sql): the version an edit form was opened on. A
     * number that says nothing of the record, where a hash of it would let a reader test guesses at what it hides.
     */
    public static long revisionOf(long id) {
        return ((Number) getEntityManager().createNativeQuery("select revision from scheme where id = ?1").setParameter(1, id)
                .getSingleResult()).longValue();
    }

    /** An id as a path gives it: a malformed one is the client's mistake (400). */
    public static long parseId(String id) {
        if (id == null || !id.matches("\\d{1,18}")) {
            throw ProblemException.badRequest("Malformed scheme id.", new FieldError("id", "a positive whole number"));
        }
        return Long.parseLong(id);
    }

    /** The schemes the person coordinates. */
    public static List<Scheme> coordinatedBy(Person person) {
        return Scheme.list("select distinct s from Scheme s join s.coordinators c where c.person.id = ?1 order by s.id",
                person.id);
    }

    /** The scheme with this id (as a path gives it), or a 404. */
    public static Scheme findExisting(String id) {
        return Scheme.<Scheme> findByIdOptional(parseId(id))
                .orElseThrow(() -> ProblemException.notFound("No scheme with id " + id + "."));
    }

    public static Optional<Scheme> findByRef(String ref) {
        return find("ref", ref).firstResultOptional();
    }

    /** A ref for a new record, of its kind, département (if known) and name, numbered past those {@code taken}. */
    public static String newRef(String kind, String department, String name, Predicate<String> taken) {
        String slug = FoldedText.of(name).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        String base = (kind + "-" + (department == null ? "" : department + "-") + slug).toLowerCase(Locale.ROOT);
        base = base.length() > 90 ? base.substring(0, 90) : base;
        String ref = base;
        for (int n = 2; taken.test(ref); n++) {
            ref = base + "-" + n;
        }
        return ref;
    }

    /** The schemes naming this organisation: as a partner (funders and employers are partners too) or co-carrying hospital. */
    public static List<Scheme> naming(Organisation organisation) {
        return list(
                "select distinct s from Scheme s left join s.partners p where p.organisation = ?1 or s.coCarryingHospital = ?1",
                organisation);
    }

    /** The contracts that follow this one (normally one: the next generation). */
    public List<Scheme> successors() {
        return list("previous = ?1 order by generation, id", this);
    }

    /** This contract's lineage, oldest first: its predecessors, itself and its successors. */
    public List<Scheme> lineage() {
        List<Scheme> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Scheme first = this;
        while (first.previous != null && seen.add(first.id)) {
            first = first.previous;
        }
        seen.clear();
        for (Scheme s = first; s != null && seen.add(s.id);) {
            chain.add(s);
            List<Scheme> next = s.successors();
            s = next.isEmpty() ? null : next.get(0);
        }
        return chain;
    }

    /** What a record at work may lack, as an ARS officer's worklist counts it (an SQL condition on {@code scheme s}). */
    public enum Lack {
        /** No coordinator consented to be shown, and no partner gives a public contact: nobody to call. */
        CONTACT("not exists (select 1 from scheme_coordinator c where c.scheme_id = s.id and c.public_contact) and not exists "
                + "(select 1 from scheme_partner p join organisation o on o.id = p.organisation_id where p.scheme_id = s.id "
                + "and (o.email is not null or o.phone is not null or o.website is not null))"),
        END_DATE("s.end_date is null"),
        CHECK("s.last_verified is null"),
        SOURCE("s.source is null"),
        /** A code its perimeter keeps that the COG loaded no longer has (a commune or EPCI gone without successor). */
        UNRESOLVED(
                "exists (select 1 from unnest(s.perimeter_communes) p(code) where not exists (select 1 from commune c where c.code = p.code)) "
                        + "or exists (select 1 from unnest(s.perimeter_epcis) p(code) where not exists (select 1 from epci e where e.siren = p.code))");

        final String condition;

        Lack(String condition) {
            this.condition = condition;
        }
    }

    /** How many schemes at work were considered, and how many of them lack each thing. */
    public record Lacks(long considered, Map<Lack, Long> counts) {
    }

    /**
     * How many schemes at work (ACTIVE, RENEWAL) touching these départements (all when null), of this kind (any when
     * null), lack each thing: one query, each count a filter of the same rows.
     */
    public static Lacks lacks(Collection<String> departments, String kind) {
        StringBuilder sql = new StringBuilder("select count(*)");
        for (Lack lack : Lack.values()) {
            sql.append(", count(*) filter (where ").append(lack.condition).append(')');
        }
        sql.append(" from scheme s where ").append(atWorkIn(departments, kind));
        Object[] row = (Object[]) bound(getEntityManager().createNativeQuery(sql.toString()), departments, kind)
                .getSingleResult();
        Map<Lack, Long> counts = new EnumMap<>(Lack.class);
        for (Lack lack : Lack.values()) {
            counts.put(lack, ((Number) row[lack.ordinal() + 1]).longValue());
        }
        return new Lacks(((Number) row[0]).longValue(), counts);
    }

    /**
     * The first schemes at work touching these départements (all when null), of this kind (any when null), that lack this, by
     * name.
     */
    @SuppressWarnings("unchecked")
    public static List<Scheme> lacking(Lack lack, Collection<String> departments, String kind, int limit) {
        // The lack in brackets: UNRESOLVED is two conditions joined by "or", which would otherwise escape the filters.
        var query = getEntityManager()
                .createNativeQuery("select s.id from scheme s where " + atWorkIn(departments, kind) + " and ("
                        + lack.condition + ") order by s.sort_name, s.id limit " + limit);
        List<Long> ids = ((List<Number>) bound(query, departments, kind).getResultList()).stream().map(Number::longValue)
                .toList();
        return ids.isEmpty() ? List.of() : list("id in ?1 order by sortName, id", ids);
    }

    private static String atWorkIn(Collection<String> departments, String kind) {
        return "s.status in ('ACTIVE', 'RENEWAL')"
                + (departments == null ? "" : " and s.department_codes && cast(:departments as varchar[])")
                + (kind == null ? "" : " and s.kind = :kind");
    }

    private static Query bound(Query query, Collection<String> departments, String kind) {
        if (departments != null) {
            query.setParameter("departments", departments.toArray(String[]::new));
        }
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        return query;
    }

    /** CPTS size (1 to 4) from the population covered: under 40,000; to 80,000; to 175,000; over. */
    public static int cptsSize(long population) {
        if (population < 40_000) {
            return 1;
        }
        if (population < 80_000) {
            return 2;
        }
        return population <= 175_000 ? 3 : 4;
    }
}
