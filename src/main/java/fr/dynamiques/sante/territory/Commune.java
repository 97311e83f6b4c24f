package fr.dynamiques.sante.territory;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.type.SqlTypes;

/** A current commune of the COG (delegated and associated communes, municipal arrondissements excluded). */
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

    public static Commune findByCode(String code) {
        return findById(code);
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
        return department.name + " (" + department.code + ")";
    }

    @Override
    public List<String> getSearchCodes() {
        List<String> codes = new ArrayList<>(postalCodes.size() + 1);
        codes.add(code);
        codes.addAll(postalCodes);
        return codes;
    }
}
