package fr.dynamiques.sante.web;

import java.net.URI;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.RedirectionException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.overlap.Area;
import fr.dynamiques.sante.overlap.Coverage;
import fr.dynamiques.sante.overlap.CoverageAt;
import fr.dynamiques.sante.overlap.CoverageDays;
import fr.dynamiques.sante.overlap.CoverageHistory;
import fr.dynamiques.sante.overlap.CptsStages;
import fr.dynamiques.sante.overlap.OverlapViews.CoverageRow;
import fr.dynamiques.sante.overlap.OverlapViews.CoveringScheme;
import fr.dynamiques.sante.overlap.OverlapViews.OverlapMatrix;
import fr.dynamiques.sante.overlap.OverlapViews.OverlapPairs;
import fr.dynamiques.sante.overlap.OverlapViews.StageCoverage;
import fr.dynamiques.sante.overlap.OverlapViews.TerritoryStack;
import fr.dynamiques.sante.overlap.OverlapViews.WhiteZones;
import fr.dynamiques.sante.overlap.Overlaps;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeQuery;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.spreadsheet.Download;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.CommuneFacts;
import fr.dynamiques.sante.territory.CogSnapshot.Placed;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.text.Stripped;

/**
 * A territory of the COG and the schemes working there: what covers it, kind by kind, how they overlap, and (above
 * the commune) how much of it is covered and which communes nothing covers.
 */
@Path("/territoires/{level}/{code}")
@Produces(MediaType.TEXT_HTML)
public class TerritoryPage {

    /** French path segments, as the site's addresses read. */
    private static final Map<String, TerritoryLevel> LEVELS = Map.of("communes", TerritoryLevel.COMMUNE,
            "arrondissements", TerritoryLevel.ARRONDISSEMENT, "epci", TerritoryLevel.EPCI,
            "departements", TerritoryLevel.DEPARTMENT, "regions", TerritoryLevel.REGION);
    /** White zones listed by name on the page; the rest are counted (the API lists them all). */
    static final int WHITE_ZONES_SHOWN = 30;
    /** Pairs of overlapping schemes named on the page, largest shared population first; the rest are counted. */
    static final int PAIRS_SHOWN = 30;
    /** Schemes listed per kind; the rest are counted, and searched for by link (a région holds hundreds). */
    static final int STACK_SHOWN = 40;

    /** The places of one class of the map, named: the map's text alternative. */
    public record MapClass(String style, int schemes, boolean more, List<String> communes, long population) {
    }

    /** A former commune of this commune, as its page lists it. */
    public record Former(String code, String name, String type) {
    }

    /**
     * The page: the territory ({@code area}), the kind chosen (or null), the day shown, its own address and the query its
     * links carry ({@code kindQuery} for the files, which are of today; {@code linkQuery} for the pages, with the day).
     */
    public record TerritoryView(Area area, String kind, AsOf asOf, String self, String kindQuery, String linkQuery,
            Places places, TerritoryMap map, Figures figures, Schemes schemes) {
    }

    /**
     * What the territory lies in ({@code within}), the city of an arrondissement, the former commune the visitor came by,
     * a commune's former communes, and what it holds.
     */
    public record Places(List<Link> within, String city, CogSnapshot.FormerCommune arrivedFrom, List<Former> formers,
            Members members) {
    }

    /** The territories it holds (arrondissements, communes, départements) under their title; a département's EPCI too. */
    public record Members(String title, List<Link> links, List<Link> epcis) {
        static final Members NONE = new Members(null, List.of(), List.of());
    }

    /**
     * The map ({@code drawn}) of the {@code mapped} area, the commune {@code outlined} on it, and its classes: by count of
     * schemes, or the CPTS by stage ({@code stages}).
     */
    public record TerritoryMap(CommuneMap drawn, Area mapped, String outlined, List<MapClass> classes, StageLegend stages) {
    }

    /** Coverage above the single place: its rows (the territory first), white zones, history, schemes of unknown start. */
    public record Figures(List<CoverageRow> rows, WhiteZones whiteZones, CoverageChart chart, Integer unknownStart) {
    }

    /** The schemes working there, kind by kind, how they overlap, and whom to call about a commune. */
    public record Schemes(TerritoryStack stack, long atWork, OverlapMatrix matrix, OverlapPairs pairs, WhomToCall call) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance territory(TerritoryView view);
    }

    private final Overlaps overlaps;
    private final Coverage coverage;
    private final CoverageAt coverageAt;
    private final CoverageHistory history;
    private final CommuneMaps maps;
    private final SchemeRows rows;
    private final SchemeQuery query;
    private final CogSnapshot cog;
    private final Visitor visitor;
    private final ListDownloads downloads;
    private final LocalContacts contacts;
    private final CptsStages stages;

    TerritoryPage(Overlaps overlaps, Coverage coverage, CoverageAt coverageAt, CoverageHistory history, CommuneMaps maps,
            SchemeRows rows,
            SchemeQuery query, CogSnapshot cog, Visitor visitor, ListDownloads downloads,
            LocalContacts contacts,
            CptsStages stages) {
        this.contacts = contacts;
        this.stages = stages;
        this.overlaps = overlaps;
        this.coverage = coverage;
        this.coverageAt = coverageAt;
        this.history = history;
        this.maps = maps;
        this.rows = rows;
        this.query = query;
        this.cog = cog;
        this.visitor = visitor;
        this.downloads = downloads;
    }

    /** The page of a territory, from its API level name (commune, epci, department, region). */
    static String path(String apiLevel, String code) {
        String segment = LEVELS.entrySet().stream().filter(e -> e.getValue().apiName().equals(apiLevel)).findFirst()
                .orElseThrow().getKey();
        return "/territoires/" + segment + "/" + code;
    }

    /**
     * The page as of today, or with its map, coverage and white zones as they stood on a day ({@code at}); a day it cannot
     * show gets today's figures and a word beside the date box (400). Every figure, list and download follows the kind
     * chosen, not only the map.
     */
    @GET
    @Transactional
    public Response territory(@PathParam("level") String segment, @PathParam("code") String code,
            @QueryParam("kind") String kind,
            @QueryParam("ancienne") String formerCode, @QueryParam("at") String at) {
        TerritoryLevel level = level(segment);
        redirectIfRenamed(level, code);
        String chosen = chosenKind(kind);
        List<String> kinds = chosen == null ? List.of() : List.of(chosen);
        AsOf asOf = AsOf.read(at);
        // The territory, what encloses it and what it holds, from the referential in memory: no query.
        Placed territory = cog.existing(level, code);
        Area area = Area.of(cog, level, code);
        CommuneFacts commune = cog.communeOf(level, code);
        List<String> arrondissements = commune == null ? List.of() : cog.arrondissementsOf(commune.code());
        // A single place is covered or not: its stack says it. Above, its coverage and the places nothing covers (a city's
        // arrondissements are places of their own).
        boolean onePlace = level == TerritoryLevel.ARRONDISSEMENT || commune != null && arrondissements.isEmpty();
        String linkQuery = asOf.query(chosen);
        TerritoryView view = new TerritoryView(area, chosen, asOf, "/territoires/" + segment + "/" + code,
                chosen == null ? "" : "?kind=" + chosen, linkQuery,
                places(territory, arrondissements, formerCode),
                map(area, commune, chosen, asOf.day(), linkQuery),
                figures(area, kinds, asOf.day(), onePlace),
                schemes(area, commune, chosen));
        return visitor.answer(asOf.invalid() == null ? 200 : 400, Templates.territory(view)).build();
    }

    /**
     * What the territory lies in, its level said where names repeat; an EPCI lies in each département it straddles
     * (its région unsaid).
     */
    private Places places(Placed territory, List<String> arrondissements, String formerCode) {
        List<Placed> enclosing = territory.level() == TerritoryLevel.EPCI
                ? cog.epciCommunes(territory.code()).stream().map(CommuneFacts::departmentCode).distinct()
                        .map(d -> new Placed(TerritoryLevel.DEPARTMENT, d, cog.departmentName(d))).toList()
                : cog.enclosing(territory.level(), territory.code());
        List<Link> within = new ArrayList<>(
                enclosing.stream().map(t -> Link.territory(t.level().apiName(), t.code(), t.name())).toList());
        named(within, territory.name(), visitor.messages());
        CogSnapshot.FormerCommune arrivedFrom = formerCode == null ? null : cog.former(formerCode);
        if (arrivedFrom != null && !arrivedFrom.communeCode().equals(territory.code())) {
            arrivedFrom = null;
        }
        boolean isCommune = territory.level() == TerritoryLevel.COMMUNE;
        return new Places(within,
                territory.level() == TerritoryLevel.ARRONDISSEMENT ? enclosing.get(0).name() : null, arrivedFrom,
                isCommune ? formers(cog.commune(territory.code())) : List.of(), members(territory, arrondissements));
    }

    /** A commune's former communes (its own code is one when it absorbed others), from the referential in memory. */
    private List<Former> formers(CommuneFacts c) {
        return cog.formerCommunesOf(c.code()).stream()
                .filter(f -> !f.code().equals(c.code()) || f.name() != null && !f.name().equals(c.name()))
                .map(f -> new Former(f.code(), f.name(), f.type())).sorted(Comparator.comparing(Former::code)).toList();
    }

    /** A city's arrondissements, an EPCI's communes, a département's communes and EPCI, a région's départements. */
    private Members members(Placed territory, List<String> arrondissements) {
        Messages msg = visitor.messages();
        if (territory.level() == TerritoryLevel.COMMUNE && !arrondissements.isEmpty()) {
            return new Members(visitor.places().members_arrondissements(arrondissements.size()),
                    arrondissements.stream().map(cog::place)
                            .map(a -> Link.territory("arrondissement", a.code(), a.name())).toList(),
                    List.of());
        } else if (territory.level() == TerritoryLevel.EPCI) {
            List<CommuneFacts> communes = cog.epciCommunes(territory.code());
            return new Members(msg.members_communes(communes.size()),
                    communes.stream().map(c -> Link.territory("commune", c.code(), c.name())).toList(), List.of());
        } else if (territory.level() == TerritoryLevel.DEPARTMENT) {
            Collator collator = Collator.getInstance(visitor.locale());
            List<CommuneFacts> communes = cog.communesOfDepartment(territory.code()).stream().map(cog::commune)
                    .sorted(Comparator.comparing(CommuneFacts::name, collator)).toList();
            List<Link> epcis = communes.stream().map(CommuneFacts::epciSiren).filter(siren -> siren != null).distinct()
                    .map(siren -> Link.territory("epci", siren, cog.epciName(siren)))
                    .sorted(Comparator.comparing(Link::label, collator)).toList();
            return new Members(msg.members_communes(communes.size()),
                    communes.stream().map(c -> Link.territory("commune", c.code(), c.name())).toList(), epcis);
        } else if (territory.level() == TerritoryLevel.REGION) {
            List<String> departments = cog.departmentsOfRegions(List.of(territory.code()));
            return new Members(msg.members_departments(departments.size()), departments.stream()
                    .map(d -> Link.territory("department", d, cog.departmentName(d) + " (" + d + ")")).toList(), List.of());
        }
        return Members.NONE;
    }

    /**
     * The map: a commune drawn among the communes of the nearest territory enclosing it (its EPCI, else its département),
     * an arrondissement as its city (the geography has no arrondissement outlines).
     */
    private TerritoryMap map(Area area, CommuneFacts commune, String chosen, LocalDate day, String linkQuery) {
        Placed around = commune == null ? null : cog.enclosing(TerritoryLevel.COMMUNE, commune.code()).get(0);
        Area mapped = around == null ? area : Area.of(cog, around.level(), around.code());
        List<String> kinds = chosen == null ? List.of() : List.of(chosen);
        Map<String, Integer> counts = day == null ? coverage.schemesByPlace(mapped, kinds, SchemeStatus.AT_WORK)
                : coverageAt.schemesByPlace(mapped, kinds, day);
        List<String> highlighted = commune == null ? List.of() : List.of(commune.code());
        boolean region = "region".equals(mapped.level());
        String outlined = commune == null ? null : commune.name();
        if (CptsStages.KIND.equals(chosen) && day == null) {
            // The CPTS of a territory drawn as the DGOS atlas draws them, by maturity stage, down to the commune. Stages are
            // known as they are today: on another day the map counts the CPTS at work.
            StageCoverage figures = stages.of(mapped);
            Map<String, StageClass> byPlace = new HashMap<>();
            counts.keySet().forEach(place -> byPlace.put(place, StageClass.NONE));
            figures.communes().forEach(place -> byPlace.put(place.code(), StageClass.of(place.stage())));
            StageMessages words = visitor.stages();
            CommuneMap drawn = maps.stages(byPlace, highlighted, region, linkQuery, cls -> words.said(cls.name()));
            return new TerritoryMap(drawn, mapped, outlined, List.of(), StageLegend.of(figures, namesByClass(byPlace)));
        }
        return new TerritoryMap(maps.counts(counts, highlighted, region, linkQuery), mapped, outlined, classes(counts), null);
    }

    /**
     * Above a single place: its coverage (a région's, then its départements'), white zones and how coverage grew since
     * 2015; on a day, the schemes of unknown start.
     */
    private Figures figures(Area area, List<String> kinds, LocalDate day, boolean onePlace) {
        CoverageRow here = day == null ? (onePlace ? null : coverage.of(area, kinds, SchemeStatus.AT_WORK))
                : coverageAt.of(area, kinds, day);
        List<CoverageRow> rows = new ArrayList<>();
        if (!onePlace) {
            rows.add(here);
        }
        if (TerritoryLevel.REGION.apiName().equals(area.level())) {
            rows.addAll(day == null
                    ? coverage.byTerritory(TerritoryLevel.DEPARTMENT, area.code(), kinds, SchemeStatus.AT_WORK)
                    : coverageAt.byTerritory(TerritoryLevel.DEPARTMENT, area.code(), kinds, day));
        }
        WhiteZones whiteZones = onePlace ? null
                : day == null ? coverage.whiteZones(area, kinds, SchemeStatus.AT_WORK, WHITE_ZONES_SHOWN)
                        : coverageAt.whiteZones(area, kinds, day, WHITE_ZONES_SHOWN);
        CoverageChart chart = onePlace ? null
                : CoverageChart.of(area.name(), history.of(area, kinds, CoverageDays.januaries()));
        return new Figures(rows, whiteZones, chart, day == null ? null : here.unknownStart());
    }

    /** The schemes, their overlaps (with the kind chosen, those it is one of) and, for a commune, whom to call. */
    private Schemes schemes(Area area, CommuneFacts commune, String chosen) {
        List<String> kinds = chosen == null ? List.of() : List.of(chosen);
        TerritoryStack stack = overlaps.stack(area, kinds, List.of());
        // The same count as the home page's and the coverage's: schemes at work (active or being renewed).
        long atWork = stack.kinds().stream().flatMap(g -> g.schemes().stream())
                .filter(s -> SchemeStatus.AT_WORK.contains(s.scheme().status()))
                .map(s -> s.scheme().id()).distinct().count();
        WhomToCall call = commune == null ? null
                : contacts.around(area.code(), cog.regionOf(commune.departmentCode()), visitor.kinds());
        return new Schemes(stack, atWork, involving(overlaps.matrix(area, SchemeStatus.AT_WORK), chosen),
                overlaps.pairs(area, kinds, SchemeStatus.AT_WORK, PAIRS_SHOWN), call);
    }

    /**
     * Codes people still use lead to the page of today: a former commune's to its current commune (saying why), an
     * arrondissement's given as a commune's to the arrondissement.
     */
    private void redirectIfRenamed(TerritoryLevel level, String code) {
        if (level != TerritoryLevel.COMMUNE) {
            return;
        }
        CogSnapshot.FormerCommune former = cog.former(code);
        if (former != null) {
            throw new RedirectionException(308,
                    URI.create("/territoires/communes/" + former.communeCode() + "?ancienne=" + code));
        }
        if (cog.isArrondissement(code)) {
            throw new RedirectionException(308, URI.create("/territoires/arrondissements/" + code));
        }
    }

    /** The schemes covering the territory (all statuses, as the page lists them; of the kind chosen, if any), as a file. */
    @GET
    @Path("/dispositifs.{format}")
    @Transactional
    public Response schemesDownload(@PathParam("level") String segment, @PathParam("code") String code,
            @PathParam("format") String format,
            @QueryParam("kind") String kind) {
        TerritoryLevel level = level(segment);
        String chosen = chosenKind(kind);
        cog.existing(level, code);
        SchemeFilter.Builder filter = SchemeFilter.where().kind(chosen == null ? List.of() : List.of(chosen));
        switch (level) {
            case COMMUNE, ARRONDISSEMENT -> filter.commune(code);
            case EPCI -> filter.epci(code);
            case DEPARTMENT -> filter.department(code);
            case REGION -> filter.region(code);
        }
        List<Scheme> schemes = query.find(filter.check(SchemeKind.byCode(), cog), 0, SearchPage.DOWNLOADED).items();
        // What each covers of this territory, as the page's stack says it.
        Map<Long, CoveringScheme> covering = new HashMap<>();
        overlaps.stack(Area.of(cog, level, code), chosen == null ? List.of() : List.of(chosen), List.of()).kinds()
                .forEach(group -> group.schemes().forEach(s -> covering.put(s.scheme().id(), s)));
        FileMessages files = visitor.files();
        SchemeRows.Extra shares = new SchemeRows.Extra(List.of(files.col_covered_population(), files.col_share()), scheme -> {
            CoveringScheme covers = covering.get(scheme.id);
            return covers == null ? Arrays.asList(null, null)
                    : List.of(covers.coveredPopulation(), new Download.Share(covers.share()));
        });
        return rows
                .of(files.name_schemes(), files.title_schemes(), downloads.filters().kind(chosen).territory(level, code),
                        schemes, shares)
                .as(format);
    }

    /** The territory's white zones (of the kind asked, if any): every uncovered commune with its population, as a file. */
    @GET
    @Path("/zones-blanches.{format}")
    @Transactional
    public Response whiteZonesDownload(@PathParam("level") String segment, @PathParam("code") String code,
            @PathParam("format") String format, @QueryParam("kind") String kind) {
        TerritoryLevel level = level(segment);
        String chosen = chosenKind(kind);
        Area area = Area.of(cog, level, code);
        WhiteZones zones = coverage.whiteZones(area, chosen == null ? List.of() : List.of(chosen), SchemeStatus.AT_WORK,
                Integer.MAX_VALUE);
        Messages msg = visitor.messages();
        FileMessages files = visitor.files();
        ListDownloads.Filters filters = downloads.filters().kind(chosen).territory(level, area.code())
                .statuses(SchemeStatus.AT_WORK);
        if (!zones.complete()) {
            // A list that counts only what was entered says so in its name, which travels with the file.
            filters.nameEnd(visitor.figures().partial_file());
        }
        // Arrondissements of Paris, Lyon or Marseille listed: each under its commune, so that the file counts communes as the page does.
        boolean cities = zones.arrondissementCount() > 0;
        List<List<Object>> lines = zones.communes().stream().map(c -> {
            List<Object> line = new ArrayList<>(c.commune() == null ? Arrays.<Object> asList(c.code(), c.name())
                    : Arrays.<Object> asList(c.code(), cog.commune(c.commune()).name()));
            if (cities) {
                line.add(c.commune() == null ? null : c.name());
            }
            line.addAll(Arrays.<Object> asList(c.population(),
                    c.department() == null ? null : c.department().code(),
                    c.department() == null ? null : c.department().name(),
                    c.epci() == null ? null : c.epci().siren(), c.epci() == null ? null : c.epci().name()));
            return line;
        }).toList();
        List<String> columns = new ArrayList<>(List.of(msg.dl_code(), msg.dl_commune()));
        if (cities) {
            columns.add(visitor.places().dl_arrondissement());
        }
        columns.addAll(List.of(msg.col_population(), files.col_department_code(), files.col_department(),
                files.col_epci_siren(), files.col_epci()));
        return downloads.of(files.name_white_zones(), files.title_white_zones(), filters, columns, lines).as(format);
    }

    /** The kind asked for, or null for all; an unknown one is a 400. */
    private static String chosenKind(String kind) {
        String chosen = Stripped.orNull(kind);
        if (chosen != null && SchemeKind.findByCode(chosen).isEmpty()) {
            throw ProblemException.badRequest("Unknown kind.", new FieldError("kind", "one of the kinds of the registry"));
        }
        return chosen;
    }

    /** With a kind chosen, the pairs of kinds it is one of: its overlaps with itself and with the others. */
    private static OverlapMatrix involving(OverlapMatrix matrix, String kind) {
        return kind == null ? matrix
                : new OverlapMatrix(matrix.territory(), matrix.statuses(), matrix.kinds(),
                        matrix.cells().stream().filter(c -> kind.equals(c.kindA()) || kind.equals(c.kindB())).toList());
    }

    /**
     * Territories of different levels may share a name (Paris the commune, Paris the département): those named twice
     * among the page's own name and its enclosing territories say their level.
     */
    private static void named(List<Link> within, String own, Messages msg) {
        List<String> names = new ArrayList<>(within.stream().map(Link::label).toList());
        names.add(own);
        within.replaceAll(link -> names.stream().filter(link.label()::equals).count() < 2 ? link
                : new Link(link.label() + " (" + msg.level(levelOf(link.href())) + ")", link.href()));
    }

    /** The API level name of a territory page's address. */
    private static String levelOf(String href) {
        return LEVELS.get(href.split("/")[2]).apiName();
    }

    private static TerritoryLevel level(String segment) {
        TerritoryLevel level = LEVELS.get(segment);
        if (level == null) {
            throw ProblemException.notFound("No such page.");
        }
        return level;
    }

    /** The places of a CPTS map class by class, by name. */
    private Map<StageClass, List<String>> namesByClass(Map<String, StageClass> byPlace) {
        Collator collator = Collator.getInstance(visitor.locale());
        Map<StageClass, List<String>> names = new EnumMap<>(StageClass.class);
        byPlace.forEach((code, cls) -> {
            CommuneFacts place = cog.place(code);
            if (place != null) {
                names.computeIfAbsent(cls, c -> new ArrayList<>()).add(place.name());
            }
        });
        names.values().forEach(list -> list.sort(collator));
        return names;
    }

    /** The communes of the map class by class, by name. */
    private List<MapClass> classes(Map<String, Integer> counts) {
        Collator collator = Collator.getInstance(visitor.locale());
        List<MapClass> classes = new ArrayList<>();
        for (int schemes = 0; schemes <= CommuneMaps.MOST; schemes++) {
            int wanted = schemes;
            List<CommuneFacts> communes = counts.entrySet().stream()
                    .filter(e -> Math.min(e.getValue(), CommuneMaps.MOST) == wanted).map(e -> cog.place(e.getKey()))
                    .filter(c -> c != null).sorted(Comparator.comparing(CommuneFacts::name, collator)).toList();
            if (!communes.isEmpty()) {
                classes.add(new MapClass("n" + schemes, schemes, schemes == CommuneMaps.MOST,
                        communes.stream().map(CommuneFacts::name).toList(),
                        communes.stream().mapToLong(CommuneFacts::population).sum()));
            }
        }
        return classes;
    }
}
