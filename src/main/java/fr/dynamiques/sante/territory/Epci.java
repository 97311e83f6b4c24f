package fr.dynamiques.sante.territory;

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

    public String typeLabel() {
        return typeLabel(type);
    }

    /** The legal form's name in full. */
    public static String typeLabel(String type) {
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
