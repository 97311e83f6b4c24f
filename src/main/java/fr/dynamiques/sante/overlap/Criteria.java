package fr.dynamiques.sante.overlap;

import java.util.List;

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.TerritoryLevel;

/**
 * The kinds, statuses and territories an overlap or coverage question names, checked as the registry's filters are:
 * an unknown kind, status or code is the client's mistake (400), never an empty answer. Départements may be several.
 */
public record Criteria(List<String> kinds, List<String> statuses, String region, List<String> departments) {

    public static Criteria of(List<String> kind, List<String> status, String region, List<String> departments,
            List<String> defaultStatuses, CogSnapshot cog) {
        SchemeFilter filter = SchemeFilter.where().kind(kind).status(status).region(region).departments(departments)
                .check(SchemeKind.byCode(), cog);
        return new Criteria(filter.kinds(), filter.statuses().isEmpty() ? defaultStatuses : filter.statuses(),
                filter.region(), filter.departments());
    }

    /** The one territory named: a département or a région, not both, not neither, not several. */
    public Area area(CogSnapshot cog) {
        List<Area> areas = areas(cog);
        if (areas.size() > 1) {
            throw ProblemException.badRequest("Name one territory.", new FieldError("department", "one département here"));
        }
        return areas.get(0);
    }

    /** The territories named: one région, or one or more départements (not both, not neither). */
    public List<Area> areas(CogSnapshot cog) {
        if ((region == null) == departments.isEmpty()) {
            throw ProblemException.badRequest("Name the territory: départements or a région.",
                    new FieldError("department", "give department (one or more) or region, not both"));
        }
        return region != null ? List.of(Area.of(cog, TerritoryLevel.REGION, region))
                : departments.stream().map(code -> Area.of(cog, TerritoryLevel.DEPARTMENT, code)).toList();
    }
}
