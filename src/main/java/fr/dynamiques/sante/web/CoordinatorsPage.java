package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import fr.dynamiques.sante.overlap.Area;
import fr.dynamiques.sante.overlap.OverlapViews.CoveringScheme;
import fr.dynamiques.sante.overlap.Overlaps;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.scheme.Theme;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.Commune;
import fr.dynamiques.sante.territory.Department;
import fr.dynamiques.sante.territory.Epci;
import fr.dynamiques.sante.territory.Territory;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.territory.TerritoryMatch;
import fr.dynamiques.sante.territory.TerritorySuggestions;
import fr.dynamiques.sante.text.FoldedText;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Finding peers: the coordinators of the schemes at work on a territory, then on the wider territories around it
 * (its EPCI, département, région), nearest first. Contact details only for those who consented (the public view).
 */
@Path("/coordinateurs")
@Produces(MediaType.TEXT_HTML)
public class CoordinatorsPage {

    /** Schemes listed per ring; the rest are counted, and a search link lists them all. */
    static final int SCHEMES_PER_RING = 40;
    private static final int CHOICES = 6;

    /** One ring around the chosen territory and the schemes first found in it. */
    public record Ring(Area area, List<SchemeDocument> schemes, int more) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coordinators(String text, String kind, String theme, List<SchemeKind> kindChoices,
                                                    List<Theme> themeChoices, KindNames kinds, TerritoryMatch chosen,
                                                    List<TerritoryMatch> others, List<Ring> rings, boolean searched);
    }

    private final TerritorySuggestions suggestions;
    private final Overlaps overlaps;
    private final CogSnapshot cog;
    private final EntityManager em;
    private final Visitor visitor;

    CoordinatorsPage(TerritorySuggestions suggestions, Overlaps overlaps, CogSnapshot cog, EntityManager em, Visitor visitor) {
        this.suggestions = suggestions;
        this.overlaps = overlaps;
        this.cog = cog;
        this.em = em;
        this.visitor = visitor;
    }

    @GET
    @Transactional
    public TemplateInstance coordinators(@QueryParam("territoire") String text, @QueryParam("niveau") String level,
                                         @QueryParam("code") String code, @QueryParam("kind") String kind,
                                         @QueryParam("theme") String theme) {
        KindNames kinds = KindNames.in(visitor.locale());
        String chosenKind = blankToNull(kind);
        if (chosenKind != null && SchemeKind.findByCode(chosenKind).isEmpty()) {
            throw ProblemException.badRequest("Unknown kind.", new FieldError("kind", "one of the kinds of the registry"));
        }
        String chosenTheme = blankToNull(theme);
        String typed = text == null ? "" : text.strip();
        if (typed.length() > 200) {
            throw ProblemException.badRequest("The territory is too long.", new FieldError("territoire", "at most 200 characters"));
        }
        List<TerritoryMatch> matches = new ArrayList<>();
        TerritoryMatch chosen = null;
        if (blankToNull(level) != null && blankToNull(code) != null) {
            TerritoryLevel named = TerritoryLevel.fromApiName(level).orElseThrow(() -> ProblemException.badRequest(
                    "Unknown territory level.", new FieldError("niveau", "commune, epci, department or region")));
            Territory territory = Territory.findExisting(named, code);
            chosen = new TerritoryMatch(named.apiName(), code, territory.name, territory.population, territory.getContext());
        } else if (!typed.isEmpty()) {
            matches.addAll(suggestions.suggest(typed, Optional.empty(), CHOICES));
            chosen = matches.isEmpty() ? null : matches.remove(0);
        }
        List<Ring> rings = chosen == null ? List.of() : rings(chosen, chosenKind, chosenTheme);
        return visitor.page(Templates.coordinators(chosen != null && typed.isEmpty() ? chosen.name() : typed, chosenKind, chosenTheme,
                SchemeKind.listByCode(), Theme.listByLabel(), kinds, chosen, matches, rings, !typed.isEmpty() || chosen != null));
    }

    /** The territory, then each wider one it lies in; a scheme shows in the first ring it covers. */
    private List<Ring> rings(TerritoryMatch chosen, String kind, String theme) {
        TerritoryLevel level = TerritoryLevel.fromApiName(chosen.level()).orElseThrow();
        Map<TerritoryLevel, String> around = new LinkedHashMap<>();
        around.put(level, chosen.code());
        Territory territory = Territory.findExisting(level, chosen.code());
        if (territory instanceof Commune c) {
            if (c.epci != null) {
                around.put(TerritoryLevel.EPCI, c.epci.siren);
            }
            around.put(TerritoryLevel.DEPARTMENT, c.department.code);
            around.put(TerritoryLevel.REGION, c.department.region.code);
        } else if (territory instanceof Epci e) {
            // An EPCI may straddle départements: the one of its most populated commune stands for it.
            e.communes().stream().max((a, b) -> Long.compare(population(a), population(b))).ifPresent(c -> {
                around.put(TerritoryLevel.DEPARTMENT, c.department.code);
                around.put(TerritoryLevel.REGION, c.department.region.code);
            });
        } else if (territory instanceof Department d) {
            around.put(TerritoryLevel.REGION, d.region.code);
        }
        List<String> kinds = kind == null ? List.of() : List.of(kind);
        String foldedTheme = theme == null ? null : FoldedText.of(theme);
        Set<Long> seen = new HashSet<>();
        List<Ring> rings = new ArrayList<>();
        around.forEach((ringLevel, ringCode) -> {
            Area area = Area.of(em, ringLevel, ringCode);
            List<Long> ids = overlaps.stack(area, kinds, SchemeStatus.AT_WORK).kinds().stream()
                    .flatMap(g -> g.schemes().stream()).map(CoveringScheme::scheme).map(s -> s.id())
                    .filter(seen::add).toList();
            List<SchemeDocument> schemes = ids.isEmpty() ? List.of() : Scheme.<Scheme>list("id in ?1 order by sortName", ids).stream()
                    .filter(s -> foldedTheme == null || s.themes.stream().anyMatch(t -> FoldedText.of(t).equals(foldedTheme)))
                    .map(s -> SchemeDocument.of(s, cog, false, null)).toList();
            rings.add(new Ring(area, schemes.stream().limit(SCHEMES_PER_RING).toList(), Math.max(0, schemes.size() - SCHEMES_PER_RING)));
        });
        return rings;
    }

    private static long population(Commune c) {
        return c.population == null ? 0 : c.population;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
