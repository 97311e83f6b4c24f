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

/**
 * A municipal arrondissement of Paris, Lyon or Marseille: a part of its commune, with its own population and postal
 * codes, that a perimeter may name on its own ("Paris 18e"). Its EPCI and département are its commune's.
 */
@Entity
@Indexed(index = "territory-arrondissement")
public class Arrondissement extends Territory {

    @Id
    public String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "commune_code")
    public Commune commune;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "postal_codes", columnDefinition = "varchar(10)[]")
    public List<String> postalCodes = new ArrayList<>();

    public static Arrondissement findByCode(String code) {
        return findById(code);
    }

    public static List<Arrondissement> of(String communeCode) {
        return list("commune.code = ?1 order by code", communeCode);
    }

    @Override
    public String getLevel() {
        return TerritoryLevel.ARRONDISSEMENT.apiName();
    }

    @Override
    public String getKey() {
        return code;
    }

    @Override
    public String getContext() {
        return context(commune.name, commune.department.code, commune.department.name);
    }

    /** An arrondissement's context: its city, then the city's département. */
    static String context(String cityName, String departmentCode, String departmentName) {
        return cityName + ", " + Commune.context(departmentCode, departmentName);
    }

    @Override
    public List<String> getSearchCodes() {
        List<String> codes = new ArrayList<>(postalCodes.size() + 1);
        codes.add(code);
        codes.addAll(postalCodes);
        return codes;
    }
}
