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
    public List<Territory> enclosing() {
        List<Territory> enclosing = new ArrayList<>(4);
        enclosing.add(commune);
        enclosing.addAll(commune.enclosing());
        return enclosing;
    }

    @Override
    public Commune commune() {
        return commune;
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
        return commune.name + ", " + commune.department.name + " (" + commune.department.code + ")";
    }

    @Override
    public List<String> getSearchCodes() {
        List<String> codes = new ArrayList<>(postalCodes.size() + 1);
        codes.add(code);
        codes.addAll(postalCodes);
        return codes;
    }
}
