package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.overlap.Overlaps;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.scheme.Theme;
import fr.dynamiques.sante.search.SimilarSchemes;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.Placed;
import fr.dynamiques.sante.territory.Territory;
import fr.dynamiques.sante.territory.TerritoryFinder;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.territory.TerritoryMatch;
import fr.dynamiques.sante.text.Stripped;

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

    /** A scheme and its coordinators, as the public may see them. */
    public record Peer(long id, String name, String kind, String status, List<String> themes,
            List<SchemeDocument.CoordinatorEntry> coordinators) {
    }

    /** One ring around the chosen territory and the schemes first found in it. */
    public record Ring(String level, String name, List<Peer> schemes, int more) {
    }

    /** Peers by likeness rather than by place: the schemes like one, each with its coordinators as the public sees them. */
    public record Like(long id, String name, List<LikePeer> peers) {
    }

    public record LikePeer(SimilarSchemes.Peer peer, List<SchemeDocument.CoordinatorEntry> coordinators) {
    }

    /** A scheme the signed-in visitor coordinates, whose peers the page offers to show. */
    public record Own(long id, String name) {
    }

    /**
     * The page: the search as typed ({@code text}) or the territory chosen, the kind and theme, the territory chosen and
     * the others found, its rings, whether the visitor searched, the query its file links carry, and the schemes like one
     * ({@code likeness}) or those the visitor coordinates ({@code own}).
     */
    public record CoordinatorsView(String text, String kind, String theme, List<Theme> themeChoices, TerritoryMatch chosen,
            List<TerritoryMatch> others, List<Ring> rings, boolean searched, String query, Like likeness, List<Own> own) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coordinators(CoordinatorsView view);
    }

    /** Peers by likeness listed on the page. */
    static final int LIKE = 12;

    private final TerritoryFinder suggestions;
    private final CogSnapshot cog;
    private final Overlaps overlaps;
    private final SimilarSchemes similar;
    private final Visitor visitor;
    private final ListDownloads downloads;

    CoordinatorsPage(TerritoryFinder suggestions, CogSnapshot cog, Overlaps overlaps, SimilarSchemes similar, Visitor visitor,
            ListDownloads downloads) {
        this.suggestions = suggestions;
        this.cog = cog;
        this.overlaps = overlaps;
        this.similar = similar;
        this.visitor = visitor;
        this.downloads = downloads;
    }

    /** What the visitor asked: the territory chosen (or the first found), the others found, the kind and theme. */
    private record Asked(String typed, TerritoryMatch chosen, List<TerritoryMatch> others, String kind, String theme) {
    }

    @GET
    @Transactional
    public TemplateInstance coordinators(@QueryParam("territoire") String text, @QueryParam("niveau") String level,
            @QueryParam("code") String code, @QueryParam("kind") String kind,
            @QueryParam("theme") String theme, @QueryParam("comme") String like, @Context UriInfo uri) {
        Asked asked = asked(text, level, code, kind, theme);
        TerritoryMatch chosen = asked.chosen();
        List<Ring> rings = chosen == null ? List.of() : rings(chosen, asked.kind(), asked.theme());
        return visitor.page(Templates.coordinators(new CoordinatorsView(
                chosen != null && asked.typed().isEmpty() ? chosen.name() : asked.typed(), asked.kind(), asked.theme(),
                Theme.listByLabel(), chosen, asked.others(), rings, !asked.typed().isEmpty() || chosen != null,
                SearchPage.query(uri), Stripped.orNull(like) == null ? null : like(like.strip()), own())));
    }

    /** The schemes like this one, of its kind, with their coordinators (contact details only for those who consented). */
    private Like like(String id) {
        Scheme scheme = Scheme.findExisting(id);
        List<SimilarSchemes.Peer> peers = similar.like(scheme, List.of(scheme.kind.code), LIKE);
        Map<Long, Scheme> loaded = peers.isEmpty() ? Map.of()
                : Scheme.<Scheme> list(
                        """
                                select distinct s from Scheme s left join fetch s.coordinators c left join fetch c.person where s.id in ?1""",
                        peers.stream().map(p -> p.scheme().id()).toList()).stream()
                        .collect(Collectors.toMap(s -> s.id, Function.identity()));
        return new Like(scheme.id, scheme.name, peers.stream().filter(p -> loaded.containsKey(p.scheme().id()))
                .map(p -> new LikePeer(p, loaded.get(p.scheme().id()).coordinators.stream()
                        .map(c -> SchemeDocument.CoordinatorEntry.of(c, false)).toList()))
                .toList());
    }

    /** The schemes the signed-in visitor coordinates, by name. */
    private List<Own> own() {
        List<Long> ids = visitor.caller().map(c -> List.copyOf(c.schemeIds())).orElse(List.of());
        return ids.isEmpty() ? List.of()
                : Scheme.<Scheme> list("id in ?1 order by sortName", ids).stream().map(s -> new Own(s.id, s.name)).toList();
    }

    /** The peers the page shows, ring by ring, as a file: each coordinator whose contact is public, a row. */
    @GET
    @Path("/export.{format}")
    @Transactional
    public Response download(@PathParam("format") String format, @QueryParam("territoire") String text,
            @QueryParam("niveau") String level,
            @QueryParam("code") String code, @QueryParam("kind") String kind, @QueryParam("theme") String theme) {
        Asked asked = asked(text, level, code, kind, theme);
        Messages msg = visitor.messages();
        List<List<Object>> rows = asked.chosen() == null ? List.of() : rows(rings(asked.chosen(), asked.kind(), asked.theme()));
        FileMessages files = visitor.files();
        ListDownloads.Filters filters = downloads.filters().kind(asked.kind()).other(files.filter_theme(), asked.theme(), null);
        if (asked.chosen() != null) {
            filters.territory(TerritoryLevel.fromApiName(asked.chosen().level()).orElseThrow(), asked.chosen().code());
        }
        return downloads
                .of(files.name_peers(), files.title_peers(), filters, List.of(msg.dl_ring(), msg.col_scheme(), msg.col_kind(),
                        msg.col_status(), msg.scheme_themes(), msg.scheme_coordinators(), msg.dl_title(), msg.dl_email(),
                        msg.dl_phone()), rows)
                .as(format);
    }

    /** Each coordinator whose contact is public, a row; a scheme without one, a row of its own. */
    private List<List<Object>> rows(List<Ring> rings) {
        Messages msg = visitor.messages();
        KindNames kinds = visitor.kinds();
        List<List<Object>> rows = new ArrayList<>();
        for (Ring ring : rings) {
            for (Peer peer : ring.schemes()) {
                List<SchemeDocument.CoordinatorEntry> shown = peer.coordinators().stream()
                        .filter(SchemeDocument.CoordinatorEntry::publicContact)
                        .toList();
                for (SchemeDocument.CoordinatorEntry c : shown.isEmpty()
                        ? Collections.<SchemeDocument.CoordinatorEntry> singletonList(null)
                        : shown) {
                    rows.add(List.of(ring.name(), peer.name(), kinds.of(peer.kind()), msg.status(peer.status()),
                            String.join(", ", peer.themes()),
                            c == null ? "" : (c.firstName() + " " + c.lastName()).strip(),
                            c == null || c.title() == null ? "" : c.title(),
                            c == null || c.email() == null ? "" : c.email(),
                            c == null || c.phone() == null ? "" : c.phone()));
                }
            }
        }
        return rows;
    }

    private Asked asked(String text, String level, String code, String kind, String theme) {
        String chosenKind = Stripped.orNull(kind);
        if (chosenKind != null && SchemeKind.findByCode(chosenKind).isEmpty()) {
            throw ProblemException.badRequest("Unknown kind.", new FieldError("kind", "one of the kinds of the registry"));
        }
        String typed = text == null ? "" : text.strip();
        if (typed.length() > 200) {
            throw ProblemException.badRequest("The territory is too long.",
                    new FieldError("territoire", "at most 200 characters"));
        }
        List<TerritoryMatch> matches = new ArrayList<>();
        TerritoryMatch chosen = null;
        if (Stripped.orNull(level) != null && Stripped.orNull(code) != null) {
            TerritoryLevel named = TerritoryLevel.fromApiName(level).orElseThrow(() -> ProblemException.badRequest(
                    "Unknown territory level.",
                    new FieldError("niveau", "commune, arrondissement, epci, department or region")));
            Territory territory = Territory.findExisting(named, code);
            chosen = new TerritoryMatch(named.apiName(), code, territory.name, territory.population, territory.getContext(),
                    null, "code");
        } else if (!typed.isEmpty()) {
            matches.addAll(suggestions.suggest(typed, Optional.empty(), CHOICES));
            chosen = matches.isEmpty() ? null : matches.remove(0);
        }
        return new Asked(typed, chosen, matches, chosenKind, Stripped.orNull(theme));
    }

    /** The territory, then each wider one it lies in; a scheme shows in the nearest ring it covers part of. */
    private List<Ring> rings(TerritoryMatch chosen, String kind, String theme) {
        Placed territory = cog.existing(TerritoryLevel.fromApiName(chosen.level()).orElseThrow(), chosen.code());
        List<Placed> nested = new ArrayList<>();
        nested.add(territory);
        nested.addAll(cog.enclosing(territory.level(), territory.code()));
        Map<Long, Integer> nearest = overlaps.nearest(nested.stream().map(t -> Map.entry(t.level(), t.code())).toList(),
                kind == null ? List.of() : List.of(kind), SchemeStatus.AT_WORK);
        // Without a theme to check, only the schemes shown are loaded (a région holds hundreds).
        Map<Integer, Integer> counts = new HashMap<>();
        List<Long> loaded = nearest.entrySet().stream()
                .filter(e -> theme != null || counts.merge(e.getValue(), 1, Integer::sum) <= SCHEMES_PER_RING)
                .map(Map.Entry::getKey).toList();
        List<List<Peer>> peers = peers(loaded, nearest, nested.size(), theme);
        List<Ring> rings = new ArrayList<>();
        for (int i = 0; i < nested.size(); i++) {
            List<Peer> found = peers.get(i);
            int total = theme == null ? counts.getOrDefault(i, 0) : found.size();
            rings.add(new Ring(nested.get(i).level().apiName(), nested.get(i).name(),
                    found.stream().limit(SCHEMES_PER_RING).toList(),
                    Math.max(0, total - SCHEMES_PER_RING)));
        }
        return rings;
    }

    /** The schemes loaded (of the theme, if any), ring by ring, by name, each with its coordinators. */
    private static List<List<Peer>> peers(List<Long> loaded, Map<Long, Integer> nearest, int rings, String theme) {
        List<List<Peer>> peers = new ArrayList<>();
        for (int i = 0; i < rings; i++) {
            peers.add(new ArrayList<>());
        }
        if (!loaded.isEmpty()) {
            // The coordinators and their persons come with the schemes, in one query.
            Scheme.<Scheme> list("""
                    select distinct s from Scheme s left join fetch s.coordinators c left join fetch c.person
                    where s.id in ?1 order by s.sortName""", loaded).stream()
                    .filter(s -> theme == null || s.themes.stream().anyMatch(t -> Theme.covers(theme, t)))
                    .forEach(s -> peers.get(nearest.get(s.id))
                            .add(new Peer(s.id, s.name, s.kind.code, s.status.name(), List.copyOf(s.themes),
                                    s.coordinators.stream().map(c -> SchemeDocument.CoordinatorEntry.of(c, false)).toList())));
        }
        return peers;
    }
}
