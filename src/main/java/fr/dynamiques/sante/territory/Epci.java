package fr.dynamiques.sante.territory;

import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/** An établissement public de coopération intercommunale à fiscalité propre, keyed by its SIREN. */
@Entity
@Indexed(index = "territory-epci")
public class Epci extends Territory {

    @Id
    public String siren;

    /** CC, CA, CU, METRO or MET69, as INSEE names the legal forms. */
    public String type;

    public static Epci findBySiren(String siren) {
        return findById(siren);
    }

    public List<Commune> communes() {
        return Commune.list("epci.siren = ?1 order by population desc nulls last, name", siren);
    }

    /** The départements its communes lie in, that of its most populated commune first. */
    public List<Department> departments() {
        return communes().stream().map(c -> c.department).distinct().toList();
    }

    /**
     * An EPCI may straddle départements: the one of its most populated commune stands for it, with its région.
     */
    @Override
    public List<Territory> enclosing() {
        return communes().stream().findFirst().map(c -> c.department).map(Epci::withRegion).orElse(List.of());
    }

    private static List<Territory> withRegion(Department department) {
        return List.of(department, department.region);
    }

    public String typeLabel() {
        return switch (type) {
            case "CC" -> "Communauté de communes";
            case "CA" -> "Communauté d'agglomération";
            case "CU" -> "Communauté urbaine";
            case "METRO" -> "Métropole";
            case "MET69" -> "Métropole de Lyon";
            default -> type;
        };
    }

    @Override
    public String getLevel() {
        return TerritoryLevel.EPCI.apiName();
    }

    @Override
    public String getKey() {
        return siren;
    }

    @Override
    public String getContext() {
        return typeLabel();
    }
}
