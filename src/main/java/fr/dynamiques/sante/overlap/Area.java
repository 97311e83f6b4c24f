package fr.dynamiques.sante.overlap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import fr.dynamiques.sante.territory.Territory;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.territory.TerritoryPlaces;

/**
 * A territory of the COG as the overlap and coverage queries use it: what it is called, how many live there,
 * and the SQL condition that keeps its places (on a {@code place c}: communes, and the arrondissements of Paris, Lyon
 * and Marseille in place of their city).
 */
@Schema(description = "A territory of the COG")
public record Area(@Schema(examples = "department") String level, @Schema(examples = "38") String code,
        @Schema(examples = "Isère") String name, @Schema(examples = "1290000") long population,
        @Schema(examples = "512") int communeCount,
        @JsonIgnore @Schema(hidden = true) int placeCount) {

    /** The area with this level and code, or a 400 (malformed code) or 404 (no such territory). */
    public static Area of(EntityManager em, TerritoryLevel level, String code) {
        Territory territory = Territory.findExisting(level, code);
        // Population counted as the overlap queries count it: places, none published as 0; communes as communes.
        SqlRow size = new SqlRow((Tuple) em.createNativeQuery("""
                select coalesce(sum(c.population), 0) as population, count(distinct c.commune_code) as communes,
                       count(*) as places
                from place c where %s""".formatted(condition(level)), Tuple.class)
                .setParameter("code", code).getSingleResult());
        return new Area(level.apiName(), code, territory.name, size.number("population"), size.count("communes"),
                size.count("places"));
    }

    /** The places of this area, on {@code place c}, with the parameter {@code :code}. */
    public String places() {
        return condition(TerritoryLevel.fromApiName(level).orElseThrow());
    }

    private static String condition(TerritoryLevel level) {
        return TerritoryPlaces.condition(level, "code");
    }
}
