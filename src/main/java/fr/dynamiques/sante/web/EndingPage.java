package fr.dynamiques.sante.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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

import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeFilter;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeQuery;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.Region;
import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.territory.TerritoryViews.Ref;

/** For ARS staff planning renewals: the schemes at work whose end date comes within the next months, by région. */
@Path("/echeances")
@Produces(MediaType.TEXT_HTML)
public class EndingPage {

    static final List<Integer> HORIZONS = List.of(3, 6, 12, 24);
    private static final String HORIZON_CHOICES = "3, 6, 12 or 24";
    /** More than a région's renewals for two years; beyond, the page says how many it leaves out. */
    static final int LISTED = SchemeFilter.MAX_SIZE;

    /** A scheme ending soon (or without an end, or not checked), in short; {@code lastVerified} null: never checked. */
    public record Ending(long id, String name, String kind, String status, LocalDate endDate, LocalDate lastVerified,
            List<Ref> departments) {
    }

    /** The schemes at work without an end date: the first of them by name, and how many more there are. */
    public record Undated(List<Ending> listed, long left) {
    }

    /** How many schemes at work in a région have no end date. */
    public record UndatedCount(Ref region, long schemes) {
    }

    /** The schemes of one région ending soon. */
    public record RegionGroup(Ref region, List<Ending> schemes) {
    }

    /**
     * What the page shows: the filters chosen ({@code months}, {@code region}, {@code kind}) and what they may be; the
     * schemes ending by {@code until}, by région ({@code total} of them, {@code left} not listed); those not checked for
     * a year; those without an end date; the query string, for the download links.
     */
    public record EndingView(int months, String region, String kind, List<Integer> horizons, List<Region> regions,
            List<SchemeKind> kindChoices, KindNames kinds, List<RegionGroup> groups, long total, LocalDate until, long left,
            List<Ending> unverified, List<UndatedCount> undatedCounts, Undated undated, String query) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ending(EndingView view);
    }

    /** Schemes at work not checked for a year, in the région and kind chosen: records to refresh (at most LISTED). */
    private List<Ending> unverified(SchemeFilter filter) {
        return query.unverified(filter, List.of(), 0, LISTED).items().stream()
                .map(this::ending).toList();
    }

    /** Schemes at work without an end date, counted by région (the one chosen, or all). */
    private List<UndatedCount> undatedCounts(SchemeFilter filter) {
        return query.withoutEndDateByRegion(filter).entrySet().stream()
                .filter(e -> filter.region() == null || e.getKey().equals(filter.region()))
                .map(e -> new UndatedCount(new Ref(e.getKey(), cog.regionName(e.getKey())), e.getValue())).toList();
    }

    /** Schemes at work without an end date, named (at most LISTED), in the région and kind chosen. */
    private Undated undated(SchemeFilter filter) {
        SchemeQuery.Page found = query.withoutEndDate(filter, 0, LISTED);
        return new Undated(found.items().stream().map(this::ending).toList(), Math.max(0, found.total() - LISTED));
    }

    private Ending ending(Scheme s) {
        return new Ending(s.id, s.name, s.kind.code, s.status.name(), s.endDate, s.lastVerified,
                s.departmentCodes.stream().map(code -> new Ref(code, cog.departmentName(code))).toList());
    }

    private final SchemeQuery query;
    private final SchemeRows rows;
    private final CogSnapshot cog;
    private final Visitor visitor;
    private final ListDownloads downloads;

    EndingPage(SchemeQuery query, SchemeRows rows, CogSnapshot cog, Visitor visitor, ListDownloads downloads) {
        this.query = query;
        this.rows = rows;
        this.cog = cog;
        this.visitor = visitor;
        this.downloads = downloads;
    }

    @GET
    @Transactional
    public TemplateInstance ending(
            @QueryParam("mois") @DefaultValue("6") @Min(value = 3, message = HORIZON_CHOICES) @Max(value = 24, message = HORIZON_CHOICES) int months,
            @QueryParam("region") String region,
            @QueryParam("kind") String kind, @Context UriInfo uri) {
        int horizon = horizon(months);
        SchemeFilter filter = filter(region, kind);
        LocalDate until = LocalDate.now().plusMonths(horizon);
        SchemeQuery.Page found = query.ending(filter, until, 0, LISTED);
        // A scheme straddling régions shows under each: each ARS plans its own renewals.
        Map<String, RegionGroup> groups = new TreeMap<>();
        for (Scheme s : found.items()) {
            Ending ending = ending(s);
            s.departmentCodes.stream().map(cog::regionOf).distinct()
                    .filter(code -> filter.region() == null || code.equals(filter.region()))
                    .forEach(code -> groups
                            .computeIfAbsent(code, c -> new RegionGroup(new Ref(c, cog.regionName(c)), new ArrayList<>()))
                            .schemes().add(ending));
        }
        return visitor.page(Templates.ending(new EndingView(horizon, filter.region(),
                filter.kinds().isEmpty() ? null : filter.kinds().get(0), HORIZONS, Region.list("order by code"),
                SchemeKind.listByCode(), visitor.kinds(), List.copyOf(groups.values()), found.total(), until,
                Math.max(0, found.total() - LISTED), unverified(filter), undatedCounts(filter), undated(filter),
                SearchPage.query(uri))));
    }

    /** The schemes ending within the months, in the région and kind chosen, soonest first, all of them, as a file. */
    @GET
    @Path("/export.{format}")
    @Transactional
    public Response download(@PathParam("format") String format,
            @QueryParam("mois") @DefaultValue("6") @Min(value = 3, message = HORIZON_CHOICES) @Max(value = 24, message = HORIZON_CHOICES) int months,
            @QueryParam("region") String region,
            @QueryParam("kind") String kind) {
        int horizon = horizon(months);
        SchemeFilter filter = filter(region, kind);
        List<Scheme> ending = query.ending(filter, LocalDate.now().plusMonths(horizon), 0, SearchPage.DOWNLOADED).items();
        FileMessages files = visitor.files();
        ListDownloads.Filters filters = downloads.filters()
                .other(files.filter_horizon(), files.horizon_value(horizon), files.months_file(horizon))
                .kinds(filter.kinds()).territory(TerritoryLevel.REGION, filter.region()).statuses(SchemeStatus.AT_WORK);
        return rows.of(files.name_ending(), files.title_ending(), filters, ending).as(format);
    }

    private static int horizon(int months) {
        if (!HORIZONS.contains(months)) {
            throw ProblemException.badRequest("Unknown horizon.", new FieldError("mois", HORIZON_CHOICES));
        }
        return months;
    }

    private SchemeFilter filter(String region, String kind) {
        return SchemeFilter.where().kind(kind == null || kind.isBlank() ? List.of() : List.of(kind)).region(region)
                .check(SchemeKind.byCode(), cog);
    }
}
