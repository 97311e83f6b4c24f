package fr.dynamiques.sante.overlap;

import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

import fr.dynamiques.sante.territory.CogSnapshot;
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

    /**
     * The area with this level and code, or a 400 (malformed code) or 404 (no such territory); from the referential in
     * memory, counted as the overlap queries count: places (none published as 0), communes as communes.
     */
    public static Area of(CogSnapshot cog, TerritoryLevel level, String code) {
        Territory.requireWellFormed(level, code);
        if (!cog.exists(level, code)) {
            throw Territory.notFound(level, code);
        }
        Set<String> places = cog.placesOf(level, code);
        return new Area(level.apiName(), code, cog.name(level, code), cog.population(places), cog.communesOf(places).size(),
                places.size());
    }

    /** The places of this area, on {@code place c}, with the parameter {@code :code}. */
    public String places() {
        return condition(TerritoryLevel.fromApiName(level).orElseThrow());
    }

    private static String condition(TerritoryLevel level) {
        return TerritoryPlaces.condition(level, "code");
    }
}
