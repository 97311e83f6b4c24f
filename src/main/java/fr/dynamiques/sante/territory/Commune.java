package fr.dynamiques.sante.territory;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.type.SqlTypes;

/**
 * A current commune of the COG. Its former communes (delegated, associated, merged) are kept with it: people still
 * name them, and an old code must lead here. Paris, Lyon and Marseille also have their municipal arrondissements.
 */
@Entity
@Indexed(index = "territory-commune")
public class Commune extends Territory {

    @Id
    public String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_code")
    public Department department;

    /** Null for the few communes outside any EPCI (island communes, overseas collectivités). */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "epci_siren")
    public Epci epci;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "postal_codes", columnDefinition = "varchar(10)[]")
    public List<String> postalCodes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "former_commune", joinColumns = @JoinColumn(name = "commune_code"))
    @BatchSize(size = 1000)
    public List<FormerName> formerCommunes = new ArrayList<>();

    /** Read for every commune's search codes: fetched for a reindex's whole batch of 1,000 communes at once. */
    @OneToMany(mappedBy = "commune")
    @OrderBy("code")
    @BatchSize(size = 1000)
    public List<Arrondissement> arrondissements = new ArrayList<>();

    public static Commune findByCode(String code) {
        return findById(code);
    }

    /** The codes that named this commune before: its former communes' codes, its own aside. */
    public List<String> formerCodes() {
        return formerCommunes.stream().map(f -> f.code).filter(c -> !c.equals(code)).distinct().sorted().toList();
    }

    @Override
    public List<String> getFormerNames() {
        return formerCommunes.stream().map(f -> f.name).filter(n -> n != null && !n.equals(name)).distinct().toList();
    }

    @Override
    public String getLevel() {
        return TerritoryLevel.COMMUNE.apiName();
    }

    @Override
    public String getKey() {
        return code;
    }

    @Override
    public String getContext() {
        return context(department.code, department.name);
    }

    /** A commune's context: its département, named and numbered. */
    static String context(String departmentCode, String departmentName) {
        return departmentName + " (" + departmentCode + ")";
    }

    /**
     * Its code, former codes and postal codes; a city's postal codes that one arrondissement has lead to that arrondissement.
     */
    @Override
    public List<String> getSearchCodes() {
        List<String> codes = new ArrayList<>(postalCodes.size() + 1);
        codes.add(code);
        codes.addAll(formerCodes());
        List<String> ofParts = arrondissements.stream().flatMap(a -> a.postalCodes.stream()).toList();
        postalCodes.stream().filter(p -> !ofParts.contains(p)).forEach(codes::add);
        return codes;
    }
}
