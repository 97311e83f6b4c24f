package fr.dynamiques.sante.territory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/** A région, or for overseas collectivités (975, 977...) the pseudo-région INSEE gives them. */
@Entity
@Indexed(index = "territory-region")
public class Region extends Territory {

    @Id
    public String code;

    public static Region findByCode(String code) {
        return findById(code);
    }

    @Override
    public String getLevel() {
        return TerritoryLevel.REGION.apiName();
    }

    @Override
    public String getKey() {
        return code;
    }

    @Override
    public String getContext() {
        return context(code);
    }

    /** A région's context: région, or overseas collectivité (three-digit codes). */
    static String context(String code) {
        return code.length() == 3 ? "Collectivité d'outre-mer" : "Région";
    }
}
