package fr.dynamiques.sante.overlap;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.territory.TerritoryLevel;

/**
 * A territory of the COG as the overlap and coverage queries use it: what it is called, how many live there,
 * and the SQL condition that keeps its communes (on a {@code commune c}).
 */
@Schema(description = "A territory of the COG")
public record Area(@Schema(examples = "department") String level, @Schema(examples = "38") String code,
                   @Schema(examples = "Isère") String name, @Schema(examples = "1290000") long population,
                   @Schema(examples = "512") int communeCount) {

    /** The area with this level and code, or a 400 (malformed code) or 404 (no such territory). */
    public static Area of(EntityManager em, TerritoryLevel level, String code) {
        if (!level.isWellFormed(code)) {
            throw ProblemException.badRequest("Malformed " + level.apiName() + " code.",
                    new FieldError("code", "'" + abbreviate(code) + "' is not a " + level.apiName() + " code"));
        }
        String name = switch (level) {
            case COMMUNE -> "select name from commune where code = :code";
            case EPCI -> "select name from epci where siren = :code";
            case DEPARTMENT -> "select name from department where code = :code";
            case REGION -> "select name from region where code = :code";
        };
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery(name).setParameter("code", code).getResultList();
        if (names.isEmpty()) {
            throw ProblemException.notFound("No " + level.apiName() + " with code " + code + " in the COG.");
        }
        Object[] size = (Object[]) em.createNativeQuery("select coalesce(sum(c.population), 0), count(*) from commune c where "
                + condition(level)).setParameter("code", code).getSingleResult();
        return new Area(level.apiName(), code, names.get(0), ((Number) size[0]).longValue(), ((Number) size[1]).intValue());
    }

    /** The communes of this area, on {@code commune c}, with the parameter {@code :code}. */
    public String communes() {
        return condition(TerritoryLevel.fromApiName(level).orElseThrow());
    }

    private static String condition(TerritoryLevel level) {
        return switch (level) {
            case COMMUNE -> "c.code = :code";
            case EPCI -> "c.epci_siren = :code";
            case DEPARTMENT -> "c.department_code = :code";
            case REGION -> "c.department_code in (select d.code from department d where d.region_code = :code)";
        };
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
