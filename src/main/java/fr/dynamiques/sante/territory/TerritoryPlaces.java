package fr.dynamiques.sante.territory;

/**
 * The places of a territory as SQL: its communes, with the arrondissements of Paris, Lyon and Marseille in place of
 * their city (table {@code place}). Written once here for every query that keeps a territory's places: the overlap and
 * coverage figures and the registry's territory filters.
 */
public final class TerritoryPlaces {

    private TerritoryPlaces() {
    }

    /**
     * The condition, on {@code place c}, keeping the places of the territories of this level whose codes are in the
     * named parameter (one code, or a list of them).
     */
    public static String condition(TerritoryLevel level, String parameter) {
        return switch (level) {
            case COMMUNE -> "c.commune_code in (:" + parameter + ")";
            case ARRONDISSEMENT -> "c.code in (:" + parameter + ")";
            case EPCI -> "c.epci_siren in (:" + parameter + ")";
            case DEPARTMENT -> "c.department_code in (:" + parameter + ")";
            case REGION -> "c.department_code in (select d.code from department d where d.region_code in (:" + parameter + "))";
        };
    }
}
