package fr.dynamiques.sante.overlap;

import static fr.dynamiques.sante.overlap.OverlapViews.ratio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import fr.dynamiques.sante.overlap.OverlapViews.PlaceStage;
import fr.dynamiques.sante.overlap.OverlapViews.StageCoverage;
import fr.dynamiques.sante.overlap.OverlapViews.StageRow;
import fr.dynamiques.sante.overlap.OverlapViews.Uncovered;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.CptsStage;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.CommuneFacts;
import fr.dynamiques.sante.territory.TerritoryLevel;

/**
 * How far the CPTS at work have come, commune by commune: the classes of the DGOS atlas of CPTS, drawn from the registry
 * and down to the commune. A commune (or an arrondissement of Paris, Lyon or Marseille: a place) takes the most advanced
 * stage among the CPTS at work covering it; a CPTS whose stage is not recorded counts only where no other covering it
 * records one ("stade non renseigné"); a commune no CPTS at work covers is outside every class.
 */
@ApplicationScoped
public class CptsStages {

    public static final String KIND = "CPTS";
    /** Most advanced first, as the atlas's legend reads; the rows of every answer, then the row of no recorded stage. */
    private static final List<CptsStage> ORDER = Arrays.stream(CptsStage.values()).sorted(Comparator.reverseOrder()).toList();

    /**
     * A CPTS's stage as a number, 0 when not recorded: the enum lists the stages in the order a CPTS goes through them,
     * so that the most advanced of several is their maximum.
     */
    private static final String RANK = Arrays.stream(CptsStage.values())
            .map(s -> "when '" + s.name() + "' then " + (s.ordinal() + 1))
            .collect(Collectors.joining(" ", "case s.cpts_stage ", " else 0 end"));

    /** The schemes these figures count: the CPTS at work. */
    private static final SchemeClauses AT_WORK = SchemeClauses.of(List.of(KIND), SchemeStatus.AT_WORK);

    private final EntityManager em;
    private final CogSnapshot cog;
    private final FigureCache figures;
    private final Coverage coverage;

    CptsStages(EntityManager em, CogSnapshot cog, FigureCache figures, Coverage coverage) {
        this.em = em;
        this.cog = cog;
        this.figures = figures;
        this.coverage = coverage;
    }

    /**
     * The territory a question on stages names: a région, a département or an EPCI, one at most; null for France. An
     * unknown code is a 400, as on the other coverage questions.
     */
    public Area territory(String region, String department, String epci) {
        if (epci != null && (region != null || department != null)) {
            throw ProblemException.badRequest("Name one territory.",
                    new FieldError("epci", "epci alone, or region, or department"));
        }
        if (epci != null) {
            if (!cog.isEpci(epci)) {
                throw ProblemException.badRequest("Unknown EPCI.", new FieldError("epci", "unknown EPCI SIREN '" + epci + "'"));
            }
            return Area.of(cog, TerritoryLevel.EPCI, epci);
        }
        if (region == null && department == null) {
            return null;
        }
        return Criteria
                .of(List.of(), List.of(), region, department == null ? List.of() : List.of(department), SchemeStatus.AT_WORK,
                        cog)
                .area(cog);
    }

    /**
     * The classes over France (area null: its départements, each with its figures) or over one territory of any level
     * (a région's départements too), with each covered place and its stage ({@link StageCoverage#communes()}) unless
     * over France.
     */
    public StageCoverage of(Area area) {
        return figures.get(FigureCache.key("cpts stages", area, List.of(KIND), SchemeStatus.AT_WORK), () -> compute(area));
    }

    /** A place's population and département, and the rank of the most advanced CPTS covering it (see {@link #RANK}). */
    private record Covered(String code, String commune, String department, long population, int rank) {
    }

    /** A territory's size as the overlap queries count it: its places' population and how many places. */
    private record Size(long population, int places) {
    }

    private StageCoverage compute(Area area) {
        List<Covered> communes = area == null ? coveredInFrance() : covered(area);
        SchemesByStage schemes = schemesByStage(area);
        boolean byDepartment = area == null || area.level().equals(TerritoryLevel.REGION.apiName());
        List<StageCoverage> departments = byDepartment ? departments(area, communes, schemes.byDepartment()) : null;
        Size size = area != null ? new Size(area.population(), area.placeCount())
                : departments.stream().map(d -> new Size(d.population(), d.territory().placeCount()))
                        .reduce(new Size(0, 0), (a, b) -> new Size(a.population() + b.population(), a.places() + b.places()));
        boolean complete = area == null ? Completeness.declared(Completeness.all(), cog.regionCodes(), List.of(KIND))
                : coverage.complete(area, List.of(KIND));
        return classes(area, size, communes, schemes.inAll(), complete, departments, area != null);
    }

    /**
     * How many CPTS of each stage work there, in all and département by département (a CPTS counts once in each); by
     * stage name, null for a CPTS without one (a HashMap takes a null key).
     */
    private record SchemesByStage(Map<String, Integer> inAll, Map<String, Map<String, Integer>> byDepartment) {
    }

    private SchemesByStage schemesByStage(Area area) {
        Query schemes = em.createNativeQuery("""
                select grouping(department) as total, department, stage, count(distinct scheme) as schemes
                from (select distinct s.id as scheme, c.department_code as department, s.cpts_stage as stage
                      from scheme_commune sc
                      join scheme s on s.id = sc.scheme_id
                      join place c on c.code = sc.commune_code
                      where %s%s) spans
                group by grouping sets ((department, stage), (stage))""".formatted(places(area), AT_WORK.on("s")),
                Tuple.class);
        SchemesByStage counted = new SchemesByStage(new HashMap<>(), new HashMap<>());
        for (SqlRow row : SqlRow.of(bind(schemes, area))) {
            Map<String, Integer> counts = row.number("total") == 1 ? counted.inAll()
                    : counted.byDepartment().computeIfAbsent(row.text("department"), d -> new HashMap<>());
            counts.put(row.text("stage"), row.count("schemes"));
        }
        return counted;
    }

    /** Each département of the area (of France when null), in code order, with its classes. */
    private List<StageCoverage> departments(Area area, List<Covered> communes,
            Map<String, Map<String, Integer>> schemesByDepartment) {
        Query sizes = em.createNativeQuery("""
                select c.department_code as department, coalesce(sum(c.population), 0) as population, count(*) as places
                from place c where %s group by c.department_code order by c.department_code""".formatted(places(area)),
                Tuple.class);
        if (area != null) {
            sizes.setParameter("code", area.code());
        }
        Map<String, List<Covered>> coveredByDepartment = communes.stream().collect(Collectors.groupingBy(Covered::department));
        Map<Completeness.Key, Completeness> declared = Completeness.all();
        List<StageCoverage> departments = new ArrayList<>();
        for (SqlRow row : SqlRow.of(sizes)) {
            String code = row.text("department");
            Size size = new Size(row.number("population"), row.count("places"));
            // The same territory as GET /territories/departments/{code} and Area: a département, by name and code.
            Area department = new Area(TerritoryLevel.DEPARTMENT.apiName(), code, cog.departmentName(code), size.population(),
                    cog.communesOfDepartment(code).size(), size.places());
            departments.add(classes(department, size, coveredByDepartment.getOrDefault(code, List.of()),
                    schemesByDepartment.getOrDefault(code, new HashMap<>()),
                    Completeness.declared(declared, regionOf(code), List.of(KIND)), null, false));
        }
        return List.copyOf(departments);
    }

    /** The places of the territory, on {@code place c}; every place for France. */
    private static String places(Area area) {
        return area == null ? "true" : area.places();
    }

    /** The places of the territory a CPTS at work covers, each with the rank of the most advanced. */
    private List<Covered> covered(Area area) {
        Query covered = em.createNativeQuery("""
                select c.code as place, c.commune_code as commune, c.department_code as department,
                       coalesce(c.population, 0) as population, max(%s) as rank
                from scheme_commune sc
                join scheme s on s.id = sc.scheme_id
                join place c on c.code = sc.commune_code
                where %s%s
                group by c.code, c.commune_code, c.department_code, c.population""".formatted(RANK, area.places(),
                AT_WORK.on("s")), Tuple.class);
        return SqlRow.of(bind(covered, area)).stream().map(row -> new Covered(row.text("place"), row.text("commune"),
                row.text("department"), row.number("population"), row.count("rank"))).toList();
    }

    /**
     * The same over France, each place's département and population from the COG in memory rather than joined: at
     * 100,000 schemes (450,000 pairs of a CPTS at work and a place), half the time.
     */
    private List<Covered> coveredInFrance() {
        Query covered = em.createNativeQuery("""
                select sc.commune_code as place, max(%s) as rank
                from scheme_commune sc
                join scheme s on s.id = sc.scheme_id
                where %s%s
                group by sc.commune_code""".formatted(RANK, places(null), AT_WORK.on("s")), Tuple.class);
        List<Covered> communes = new ArrayList<>();
        for (SqlRow row : SqlRow.of(bind(covered, null))) {
            CommuneFacts place = cog.place(row.text("place"));
            // A perimeter resolved with an older COG, not yet migrated, may name a commune since merged.
            if (place != null) {
                communes.add(new Covered(place.code(), place.communeCode(), place.departmentCode(), place.population(),
                        row.count("rank")));
            }
        }
        return communes;
    }

    private List<String> regionOf(String department) {
        String region = cog.regionOf(department);
        return region == null ? List.of() : List.of(region);
    }

    /** The rows of one territory from its covered places and its CPTS by stage. */
    private static StageCoverage classes(Area territory, Size size, List<Covered> covered, Map<String, Integer> schemes,
            boolean complete,
            List<StageCoverage> departments, boolean listed) {
        Map<Integer, long[]> byRank = new TreeMap<>();
        for (Covered place : covered) {
            long[] sums = byRank.computeIfAbsent(place.rank(), r -> new long[2]);
            sums[0]++;
            sums[1] += place.population();
        }
        List<StageRow> rows = new ArrayList<>();
        for (CptsStage stage : ORDER) {
            rows.add(row(stage.name(), byRank.get(stage.ordinal() + 1), size.population(),
                    schemes.getOrDefault(stage.name(), 0)));
        }
        rows.add(row(null, byRank.get(0), size.population(), schemes.getOrDefault(null, 0)));
        long coveredPopulation = covered.stream().mapToLong(Covered::population).sum();
        long uncoveredPopulation = size.population() - coveredPopulation;
        Uncovered uncovered = new Uncovered(size.places() - covered.size(), uncoveredPopulation,
                ratio(uncoveredPopulation, size.population()));
        List<PlaceStage> places = !listed ? null
                : covered.stream().sorted(Comparator.comparing(Covered::code))
                        .map(c -> new PlaceStage(c.code(), c.rank() == 0 ? null : CptsStage.values()[c.rank() - 1].name(),
                                c.code().equals(c.commune()) ? null : c.commune()))
                        .toList();
        return new StageCoverage(territory, size.population(), List.copyOf(rows), uncovered, complete, departments, places);
    }

    private static StageRow row(String stage, long[] sums, long population, int schemes) {
        long[] counted = sums == null ? new long[2] : sums;
        return new StageRow(stage, (int) counted[0], counted[1], ratio(counted[1], population), schemes);
    }

    private static Query bind(Query query, Area area) {
        AT_WORK.bind(query);
        if (area != null) {
            query.setParameter("code", area.code());
        }
        return query;
    }
}
