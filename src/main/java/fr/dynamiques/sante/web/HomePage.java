package fr.dynamiques.sante.web;

import java.util.List;
import java.util.Map;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.overlap.Coverage;
import fr.dynamiques.sante.overlap.OverlapViews.CoverageRow;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.search.SchemeSearch;
import fr.dynamiques.sante.territory.TerritoryLevel;

/** The front door: one search box, the registry in figures, and the way in by région. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    /**
     * What the front door shows: the schemes at work, by kind; the population they cover; the régions to go in by;
     * whether the visitor just closed their account; whether every région declared its lists complete.
     */
    public record HomeView(long schemes, List<SchemeSearch.FacetValue> kinds, KindNames kindNames, long population,
            long coveredPopulation, double coverageRatio, List<CoverageRow> regions, boolean accountDeleted,
            boolean complete) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(HomeView view);
    }

    private final SchemeSearch search;
    private final Coverage coverage;
    private final Visitor visitor;

    HomePage(SchemeSearch search, Coverage coverage, Visitor visitor) {
        this.search = search;
        this.coverage = coverage;
        this.visitor = visitor;
    }

    @GET
    @Transactional
    public TemplateInstance home(@QueryParam("compte") String account) {
        // Figures of the schemes at work (active or being renewed): what "covered" means everywhere on the site.
        SchemeSearch.Results atWork = search.search(new SchemeSearch.Request(null, Map.of("status", SchemeStatus.AT_WORK),
                SchemeSearch.Sort.RELEVANCE, 0, 1));
        List<CoverageRow> regions = coverage.byTerritory(TerritoryLevel.REGION, null, List.of(), SchemeStatus.AT_WORK);
        // The way in by région leaves out the collectivities with no inhabitant and no scheme (Clipperton, TAAF).
        List<CoverageRow> shown = regions.stream().filter(r -> r.population() > 0 || r.schemeCount() > 0).toList();
        long population = regions.stream().mapToLong(CoverageRow::population).sum();
        long covered = regions.stream().mapToLong(CoverageRow::coveredPopulation).sum();
        return visitor.page(Templates.home(new HomeView(atWork.total(), atWork.facets().get("kind"),
                visitor.kinds(), population, covered, population == 0 ? 0 : (double) covered / population,
                shown, "supprime".equals(account), regions.stream().allMatch(CoverageRow::complete))));
    }
}
