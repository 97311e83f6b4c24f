package fr.dynamiques.sante.territory;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

@Entity
@Indexed(index = "territory-department")
public class Department extends Territory {

    @Id
    public String code;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "region_code")
    public Region region;

    public static Department findByCode(String code) {
        return findById(code);
    }

    @Override
    public String getLevel() {
        return TerritoryLevel.DEPARTMENT.apiName();
    }

    @Override
    public String getKey() {
        return code;
    }

    @Override
    public String getContext() {
        return region.name;
    }
}
