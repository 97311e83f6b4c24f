package fr.dynamiques.sante.scheme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import fr.dynamiques.sante.organisation.Organisation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A territorial health scheme: what it is, where it acts, with whom, since when. */
@Entity
public class Scheme extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheme_seq")
    @SequenceGenerator(name = "scheme_seq", sequenceName = "scheme_seq", allocationSize = 50)
    public Long id;

    /** The caller's stable key, unique in the registry. */
    public String ref;

    public String name;

    /** The name folded by {@link fr.dynamiques.sante.text.FoldedText}: lists sort on it. */
    public String sortName;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "kind")
    public SchemeKind kind;

    @Enumerated(EnumType.STRING)
    public SchemeStatus status;

    public LocalDate startDate;

    public LocalDate endDate;

    public String description;

    public String website;

    /** Where the facts come from (a public page, a deliberation...). */
    public String source;

    public LocalDate lastVerified;

    /** Labels of the controlled vocabulary ({@link Theme}) or free tags, in the given order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(120)[]")
    public List<String> themes = new ArrayList<>();

    // Kind-specific facts (see KindFeature)

    public Integer generation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "previous_id")
    public Scheme previous;

    @Enumerated(EnumType.STRING)
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

    // Perimeter: as declared, and resolved to communes with the COG of cogYear

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(5)[]")
    public List<String> perimeterCommunes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(9)[]")
    public List<String> perimeterEpcis = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(3)[]")
    public List<String> perimeterDepartments = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "scheme_commune", joinColumns = @JoinColumn(name = "scheme_id"))
    @Column(name = "commune_code")
    public Set<String> communeCodes = new HashSet<>();

    public int cogYear;

    /** Sum of the populations of the distinct communes covered. */
    public long population;

    public int communeCount;

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

    public static Optional<Scheme> findByRef(String ref) {
        return find("ref", ref).firstResultOptional();
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
        for (Scheme s = first; s != null && seen.add(s.id); ) {
            chain.add(s);
            List<Scheme> next = s.successors();
            s = next.isEmpty() ? null : next.get(0);
        }
        return chain;
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
