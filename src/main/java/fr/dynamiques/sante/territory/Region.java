package fr.dynamiques.sante.territory;

import java.util.List;

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

    public List<Department> departments() {
        return Department.list("region.code = ?1 order by code", code);
    }

    public long communeCount() {
        return Commune.count("department.region.code", code);
    }

    @Override
    public List<Territory> enclosing() {
        return List.of();
    }

    /** Overseas collectivités have three-digit codes; they are not régions proper. */
    public boolean isOverseasCollectivity() {
        return code.length() == 3;
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
        return isOverseasCollectivity() ? "Collectivité d'outre-mer" : "Région";
    }
}
