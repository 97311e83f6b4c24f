package fr.dynamiques.sante.overlap;

import java.util.List;

import jakarta.persistence.EntityManager;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryLevel;

/**
 * The kinds, statuses and territory an overlap or coverage question names, checked as the registry's filters are:
 * an unknown kind, status or code is the client's mistake (400), never an empty answer.
 */
public record Criteria(List<String> kinds, List<String> statuses, String region, String department) {

    public static Criteria of(List<String> kind, List<String> status, String region, String department, List<String> defaultStatuses,
                      CogSnapshot cog) {
        SchemeFilter filter = SchemeFilter.where().kind(kind).status(status).region(region).department(department)
                .check(SchemeKind.byCode(), cog);
        return new Criteria(filter.kinds(), filter.statuses().isEmpty() ? defaultStatuses : filter.statuses(),
                filter.region(), filter.department());
    }

    /** The one territory named: a département or a région, not both, not neither. */
    public Area area(EntityManager em) {
        if ((region == null) == (department == null)) {
            throw ProblemException.badRequest("Name one territory: a département or a région.",
                    new FieldError("department", "give department or region, not both"));
        }
        return department != null ? Area.of(em, TerritoryLevel.DEPARTMENT, department) : Area.of(em, TerritoryLevel.REGION, region);
    }
}
