package fr.dynamiques.sante.territory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import fr.dynamiques.sante.api.ReferentialState;

/**
 * The referential in memory (about 40,000 rows, a few MB): what validating and resolving thousands of
 * perimeters asks of it, without a query per code. Read once, on first use; the COG changes only through
 * {@link CogLoader}, after which {@link #invalidate()} is called.
 * <p>
 * Perimeters resolve to <em>places</em>: communes, except that Paris, Lyon and Marseille are replaced by their
 * municipal arrondissements, so that a scheme on one arrondissement and a scheme on its whole city meet exactly.
 */
@ApplicationScoped
public class CogSnapshot implements ReferentialState {

    /**
     * A current commune or a municipal arrondissement, as perimeters need it. {@code city} is the commune an
     * arrondissement is part of (its département and EPCI are the city's), null for a commune.
     */
    public record CommuneFacts(String code, String name, long population, String departmentCode, String epciSiren,
            List<String> postalCodes, String city, boolean populationPublished) {

        public boolean isArrondissement() {
            return city != null;
        }

        /** The commune this place is, or is part of. */
        public String communeCode() {
            return city == null ? code : city;
        }
    }

    /** A former commune (delegated, associated, or merged long ago; name and type may be null) and its current commune. */
    public record FormerCommune(String code, String name, String type, String communeCode) {
    }

    /** An EPCI: its legal form as INSEE names it (CC, CA, CU, METRO, MET69), its population the sum of its communes'. */
    public record EpciFacts(String siren, String name, String type, long population) {
    }

    /** A département, its population the sum of its communes'. */
    public record DepartmentFacts(String code, String name, String regionCode, long population) {
    }

    /** A région (or an overseas collectivité's pseudo-région), its population the sum of its départements'. */
    public record RegionFacts(String code, String name, long population) {
    }

    /** A territory of any level, as pages name it and link to it. */
    public record Placed(TerritoryLevel level, String code, String name) {
    }

    /** What a perimeter covers, by the names and codes people type to find it. */
    public record Places(Set<String> communeNames, Set<String> areaNames, Set<String> codes,
            Set<String> departmentCodes, Set<String> regionCodes, String label) {
    }

    /** What the snapshot holds, swapped whole so that readers never see half of it. */
    private record Tables(long loadId, Instant loadedAt, int cogYear, Map<String, CommuneFacts> communes,
            Map<String, CommuneFacts> arrondissements, Map<String, List<String>> cityParts,
            Map<String, FormerCommune> formerCodes, Map<String, List<FormerCommune>> formerNames,
            Map<String, EpciFacts> epcis, Map<String, List<String>> epciMembers,
            Map<String, List<String>> departmentMembers, Map<String, DepartmentFacts> departments,
            Map<String, RegionFacts> regions, Map<String, List<String>> byPostalCode) {
    }

    private final DataSource dataSource;
    private volatile Tables tables;
    private volatile TerritoryNames names;

    CogSnapshot(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void invalidate() {
        tables = null;
        names = null;
    }

    public int cogYear() {
        return tables().cogYear();
    }

    /** Which load of a referential file the tables hold (a new file loaded, a new number): part of the API's ETags. */
    @Override
    public long loadId() {
        return tables().loadId();
    }

    /** When the referential in the tables was loaded: the Last-Modified of answers drawn from it alone. */
    @Override
    public Instant loadedAt() {
        return tables().loadedAt();
    }

    public boolean isCommune(String code) {
        return code != null && tables().communes().containsKey(code);
    }

    public boolean isEpci(String siren) {
        return siren != null && tables().epciMembers().containsKey(siren);
    }

    public boolean isDepartment(String code) {
        return code != null && tables().departments().containsKey(code);
    }

    public boolean isRegion(String code) {
        return code != null && tables().regions().containsKey(code);
    }

    public boolean isArrondissement(String code) {
        return code != null && tables().arrondissements().containsKey(code);
    }

    public boolean exists(TerritoryLevel level, String code) {
        return switch (level) {
            case COMMUNE -> isCommune(code);
            case ARRONDISSEMENT -> isArrondissement(code);
            case EPCI -> isEpci(code);
            case DEPARTMENT -> isDepartment(code);
            case REGION -> isRegion(code);
        };
    }

    /** A current commune, or null. */
    public CommuneFacts commune(String code) {
        return tables().communes().get(code);
    }

    /** A municipal arrondissement, or null. */
    public CommuneFacts arrondissement(String code) {
        return tables().arrondissements().get(code);
    }

    /** An EPCI, or null. */
    public EpciFacts epci(String siren) {
        return tables().epcis().get(siren);
    }

    /** A département, or null. */
    public DepartmentFacts department(String code) {
        return tables().departments().get(code);
    }

    /** A région, or null. */
    public RegionFacts region(String code) {
        return tables().regions().get(code);
    }

    /** A place of a resolved perimeter (a commune or a municipal arrondissement), or null. */
    public CommuneFacts place(String code) {
        Tables t = tables();
        CommuneFacts commune = t.communes().get(code);
        return commune != null ? commune : t.arrondissements().get(code);
    }

    /** The municipal arrondissements of a commune, in code order: none but for Paris, Lyon and Marseille. */
    public List<String> arrondissementsOf(String communeCode) {
        return tables().cityParts().getOrDefault(communeCode, List.of());
    }

    /** The former commune of that code, now part of a current commune; null for a current or unknown code. */
    public FormerCommune former(String code) {
        return code == null || isCommune(code) ? null : tables().formerCodes().get(code);
    }

    /**
     * The places a postal code is given to, in code order: communes, or the arrondissement of a city that has it (75018
     * is Paris 18e, not all of Paris). A postal code is no INSEE code: 38114 is Allemond, Oz, Vaujany... while the
     * commune of INSEE code 38114 is Clonas-sur-Varèze.
     */
    public List<String> withPostalCode(String postalCode) {
        return tables().byPostalCode().getOrDefault(postalCode, List.of());
    }

    /** A current commune's former communes: its delegated and associated communes, and its older former codes. */
    public List<FormerCommune> formerCommunesOf(String communeCode) {
        return tables().formerNames().getOrDefault(communeCode, List.of());
    }

    /** The names of the territories of every level, to resolve the names spreadsheets give instead of codes. */
    public TerritoryNames names() {
        TerritoryNames current = names;
        if (current == null) {
            current = TerritoryNames.of(named(tables()));
            names = current;
        }
        return current;
    }

    /** The name of a département, or null. */
    public String departmentName(String code) {
        DepartmentFacts department = tables().departments().get(code);
        return department == null ? null : department.name();
    }

    /** The name of a région, or null. */
    public String regionName(String code) {
        RegionFacts region = tables().regions().get(code);
        return region == null ? null : region.name();
    }

    /** The name of an EPCI, or null. */
    public String epciName(String siren) {
        EpciFacts epci = tables().epcis().get(siren);
        return epci == null ? null : epci.name();
    }

    /** The member communes of an EPCI, in code order; none for an unknown SIREN. */
    public List<String> epciMembers(String siren) {
        return tables().epciMembers().getOrDefault(siren, List.of());
    }

    /** The région of a département, or null. */
    public String regionOf(String departmentCode) {
        DepartmentFacts department = tables().departments().get(departmentCode);
        return department == null ? null : department.regionCode();
    }

    /**
     * Every place the declared communes, arrondissements, EPCI and départements cover, each once, in code order: a
     * city with arrondissements gives its arrondissements.
     */
    public Set<String> resolve(Collection<String> communes, Collection<String> arrondissements, Collection<String> epcis,
            Collection<String> departments) {
        Tables t = tables();
        Set<String> covered = new TreeSet<>();
        communes.stream().filter(t.communes()::containsKey).forEach(code -> addPlaces(t, code, covered));
        arrondissements.stream().filter(t.arrondissements()::containsKey).forEach(covered::add);
        epcis.forEach(siren -> t.epciMembers().getOrDefault(siren, List.of()).forEach(code -> addPlaces(t, code, covered)));
        departments.forEach(code -> t.departmentMembers().getOrDefault(code, List.of()).forEach(c -> addPlaces(t, c, covered)));
        return covered;
    }

    private static void addPlaces(Tables t, String communeCode, Set<String> covered) {
        List<String> parts = t.cityParts().get(communeCode);
        if (parts == null) {
            covered.add(communeCode);
        } else {
            covered.addAll(parts);
        }
    }

    /** The places of a territory, in code order: its communes, with a city's arrondissements in place of the city. */
    public Set<String> placesOf(TerritoryLevel level, String code) {
        List<String> one = List.of(code);
        return switch (level) {
            case COMMUNE -> resolve(one, List.of(), List.of(), List.of());
            case ARRONDISSEMENT -> resolve(List.of(), one, List.of(), List.of());
            case EPCI -> resolve(List.of(), List.of(), one, List.of());
            case DEPARTMENT -> resolve(List.of(), List.of(), List.of(), one);
            case REGION -> resolve(List.of(), List.of(), List.of(), departmentsOfRegions(one));
        };
    }

    /** The territory of that level with that code: a malformed code is a 400, an unknown one a 404. */
    public Placed existing(TerritoryLevel level, String code) {
        Territory.requireWellFormed(level, code);
        String name = name(level, code);
        if (name == null) {
            throw Territory.notFound(level, code);
        }
        return new Placed(level, code, name);
    }

    /**
     * The territories this one lies in, one per level above it, nearest first: an arrondissement's commune, a commune's
     * EPCI (if any), then the département and the région. An EPCI may straddle départements: the one of its most
     * populated commune stands for it. Pages walk it for their breadcrumbs and their rings.
     */
    public List<Placed> enclosing(TerritoryLevel level, String code) {
        List<Placed> enclosing = new ArrayList<>(4);
        String department = switch (level) {
            case ARRONDISSEMENT -> {
                CommuneFacts city = commune(arrondissement(code).city());
                enclosing.add(new Placed(TerritoryLevel.COMMUNE, city.code(), city.name()));
                yield withEpci(enclosing, city);
            }
            case COMMUNE -> withEpci(enclosing, commune(code));
            case EPCI -> epciCommunes(code).stream().findFirst().map(CommuneFacts::departmentCode).orElse(null);
            case DEPARTMENT, REGION -> null;
        };
        String region = level == TerritoryLevel.DEPARTMENT ? regionOf(code) : null;
        if (department != null) {
            enclosing.add(new Placed(TerritoryLevel.DEPARTMENT, department, departmentName(department)));
            region = regionOf(department);
        }
        if (region != null) {
            enclosing.add(new Placed(TerritoryLevel.REGION, region, regionName(region)));
        }
        return enclosing;
    }

    /** Adds the commune's EPCI, if any, and answers its département. */
    private String withEpci(List<Placed> enclosing, CommuneFacts commune) {
        if (commune.epciSiren() != null) {
            enclosing.add(new Placed(TerritoryLevel.EPCI, commune.epciSiren(), epciName(commune.epciSiren())));
        }
        return commune.departmentCode();
    }

    /** The commune this territory is or lies in (an arrondissement's city); null above the commune. */
    public CommuneFacts communeOf(TerritoryLevel level, String code) {
        return switch (level) {
            case COMMUNE -> commune(code);
            case ARRONDISSEMENT -> commune(arrondissement(code).city());
            default -> null;
        };
    }

    /**
     * An EPCI's communes, the most populated first (those without a published population last), then by name in code
     * point order: the order the database gave them in (its collation is C), kept as it was.
     */
    public List<CommuneFacts> epciCommunes(String siren) {
        return epciMembers(siren).stream().map(this::commune)
                .sorted(Comparator.comparing((CommuneFacts c) -> !c.populationPublished())
                        .thenComparing(CommuneFacts::population, Comparator.reverseOrder())
                        .thenComparing(CommuneFacts::name))
                .toList();
    }

    /**
     * A territory named outright, as suggestions show it: its name, population and the short text telling homonyms
     * apart, the same as the territory indexes hold ({@link Territory#getContext()}).
     */
    TerritoryMatch match(TerritoryLevel level, String code, String matchedBy, String formerName) {
        Tables t = tables();
        return switch (level) {
            case COMMUNE -> {
                CommuneFacts c = t.communes().get(code);
                DepartmentFacts d = t.departments().get(c.departmentCode());
                yield new TerritoryMatch(level.apiName(), code, c.name(), c.populationPublished() ? c.population() : null,
                        Commune.context(d.code(), d.name()), formerName, matchedBy);
            }
            case ARRONDISSEMENT -> {
                CommuneFacts a = t.arrondissements().get(code);
                DepartmentFacts d = t.departments().get(a.departmentCode());
                yield new TerritoryMatch(level.apiName(), code, a.name(), a.populationPublished() ? a.population() : null,
                        Arrondissement.context(t.communes().get(a.city()).name(), d.code(), d.name()), formerName,
                        matchedBy);
            }
            case EPCI -> {
                EpciFacts e = t.epcis().get(code);
                yield new TerritoryMatch(level.apiName(), code, e.name(), e.population(), Epci.typeLabel(e.type()),
                        formerName, matchedBy);
            }
            case DEPARTMENT -> {
                DepartmentFacts d = t.departments().get(code);
                yield new TerritoryMatch(level.apiName(), code, d.name(), d.population(),
                        t.regions().get(d.regionCode()).name(), formerName, matchedBy);
            }
            case REGION -> {
                RegionFacts r = t.regions().get(code);
                yield new TerritoryMatch(level.apiName(), code, r.name(), r.population(), Region.context(code), formerName,
                        matchedBy);
            }
        };
    }

    /** The name of a territory, or null. */
    public String name(TerritoryLevel level, String code) {
        return switch (level) {
            case COMMUNE -> nameOf(commune(code));
            case ARRONDISSEMENT -> nameOf(arrondissement(code));
            case EPCI -> epciName(code);
            case DEPARTMENT -> departmentName(code);
            case REGION -> regionName(code);
        };
    }

    private static String nameOf(CommuneFacts place) {
        return place == null ? null : place.name();
    }

    /** The départements of these régions, in code order. */
    public List<String> departmentsOfRegions(Collection<String> regions) {
        return tables().departments().values().stream().filter(d -> regions.contains(d.regionCode()))
                .map(DepartmentFacts::code).sorted().toList();
    }

    /** Every région's code, in code order. */
    public List<String> regionCodes() {
        return tables().regions().keySet().stream().sorted().toList();
    }

    /** The current communes of a département, in code order. */
    public List<String> communesOfDepartment(String departmentCode) {
        return tables().departmentMembers().getOrDefault(departmentCode, List.of());
    }

    /** The communes these places are or are part of, each once, in code order. */
    public Set<String> communesOf(Collection<String> placeCodes) {
        Set<String> communes = new TreeSet<>();
        placeCodes.stream().map(this::place).filter(c -> c != null).forEach(c -> communes.add(c.communeCode()));
        return communes;
    }

    /** Sum of the populations of these places (each counted once; none published counts as 0). */
    public long population(Collection<String> placeCodes) {
        return placeCodes.stream().distinct().map(this::place)
                .filter(c -> c != null).mapToLong(CommuneFacts::population).sum();
    }

    /** The départements these places belong to, in code order. */
    public List<TerritoryViews.Ref> departmentsOf(Collection<String> placeCodes) {
        Tables t = tables();
        Set<String> codes = new TreeSet<>();
        placeCodes.stream().map(this::place).filter(c -> c != null).forEach(c -> codes.add(c.departmentCode()));
        return codes.stream().map(code -> new TerritoryViews.Ref(code, t.departments().get(code).name())).toList();
    }

    /** The régions these places belong to, in code order. */
    public List<TerritoryViews.Ref> regionsOf(Collection<String> placeCodes) {
        Tables t = tables();
        Set<String> codes = new TreeSet<>();
        placeCodes.stream().map(this::place).filter(c -> c != null)
                .forEach(c -> codes.add(t.departments().get(c.departmentCode()).regionCode()));
        return codes.stream().map(code -> new TerritoryViews.Ref(code, t.regions().get(code).name())).toList();
    }

    /**
     * The places these communes make up: their names, postal codes and codes, and the EPCI, départements
     * and régions they touch (names and codes).
     */
    public Places places(Collection<String> placeCodes) {
        Tables t = tables();
        Set<String> communeNames = new TreeSet<>();
        Set<String> areaNames = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        Set<String> departments = new TreeSet<>();
        Set<String> regions = new TreeSet<>();
        Set<String> partialCities = new TreeSet<>();
        for (String code : placeCodes) {
            CommuneFacts c = place(code);
            if (c == null) {
                continue;
            }
            communeNames.add(c.name());
            codes.add(c.code());
            codes.addAll(c.postalCodes());
            if (c.isArrondissement()) {
                // Found by its city's name and code too; "Paris" alone then finds the schemes of its arrondissements.
                communeNames.add(t.communes().get(c.city()).name());
                codes.add(c.city());
                if (!placeCodes.containsAll(t.cityParts().get(c.city()))) {
                    partialCities.add(c.city());
                }
            }
            formerCommunesOf(c.code()).stream().map(FormerCommune::name).filter(n -> n != null).forEach(communeNames::add);
            if (c.epciSiren() != null) {
                codes.add(c.epciSiren());
                areaNames.add(t.epcis().get(c.epciSiren()).name());
            }
            departments.add(c.departmentCode());
            regions.add(t.departments().get(c.departmentCode()).regionCode());
        }
        departments.forEach(d -> areaNames.add(t.departments().get(d).name()));
        regions.forEach(r -> areaNames.add(t.regions().get(r).name()));
        codes.addAll(departments);
        codes.addAll(regions);
        String where = departments.stream().map(d -> t.departments().get(d).name()).collect(Collectors.joining(", "));
        Set<String> communes = communesOf(placeCodes);
        String label;
        if (communes.size() == 1 && !partialCities.isEmpty()) {
            List<String> parts = placeCodes.stream().sorted().map(this::place).filter(c -> c != null).map(CommuneFacts::name)
                    .toList();
            label = (parts.size() <= 2 ? String.join(", ", parts)
                    : parts.size() + " arrondissements, " + t.communes().get(partialCities.iterator().next()).name()) + " ("
                    + where + ")";
        } else {
            label = communes.size() == 1 ? t.communes().get(communes.iterator().next()).name() + " (" + where + ")"
                    : communes.size() + " communes, " + where;
        }
        return new Places(communeNames, areaNames, codes, departments, regions, label);
    }

    private static List<TerritoryNames.Named> named(Tables t) {
        List<TerritoryNames.Named> named = new ArrayList<>(45_000);
        t.communes().values().forEach(c -> named.add(new TerritoryNames.Named(TerritoryLevel.COMMUNE, c.code(), c.name(),
                c.departmentCode(), false, null)));
        t.formerNames().values().forEach(list -> list.stream().filter(f -> f.name() != null).forEach(f -> named.add(
                new TerritoryNames.Named(TerritoryLevel.COMMUNE, f.communeCode(), f.name(),
                        t.communes().get(f.communeCode()).departmentCode(), true, f.code()))));
        t.arrondissements().values().forEach(a -> named.add(new TerritoryNames.Named(TerritoryLevel.ARRONDISSEMENT, a.code(),
                a.name(), a.departmentCode(), false, null)));
        t.epcis().forEach((siren, epci) -> {
            // An EPCI's département, for homonyms: the one most of its communes are in.
            String department = t.epciMembers().getOrDefault(siren, List.of()).stream()
                    .collect(Collectors.groupingBy(code -> t.communes().get(code).departmentCode(), Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            named.add(new TerritoryNames.Named(TerritoryLevel.EPCI, siren, epci.name(), department, false, null));
        });
        t.departments().forEach((code, d) -> named.add(new TerritoryNames.Named(TerritoryLevel.DEPARTMENT, code, d.name(),
                code, false, null)));
        t.regions().forEach(
                (code, r) -> named.add(new TerritoryNames.Named(TerritoryLevel.REGION, code, r.name(), null, false, null)));
        return named;
    }

    private Tables tables() {
        Tables current = tables;
        if (current == null) {
            synchronized (this) {
                if (tables == null) {
                    tables = read();
                }
                current = tables;
            }
        }
        return current;
    }

    private Tables read() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            TablesRead read = new TablesRead();
            read.lastLoad(statement);
            read.regionsAndDepartments(statement);
            read.epcis(statement);
            read.communes(statement);
            read.arrondissements(statement);
            read.formerCommunes(statement);
            return read.tables();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the referential", e);
        }
    }

    /** The referential's tables as they are read, one query after the other, then indexed. */
    private static final class TablesRead {
        int cogYear = 0;
        long loadId = 0;
        Instant loadedAt = Instant.EPOCH;
        final Map<String, RegionFacts> regions = new HashMap<>();
        final Map<String, DepartmentFacts> departments = new HashMap<>();
        final Map<String, CommuneFacts> communes = new HashMap<>(50_000);
        final Map<String, List<String>> epciMembers = new HashMap<>();
        final Map<String, List<String>> departmentMembers = new HashMap<>();
        final Map<String, EpciFacts> epcis = new HashMap<>();
        final Map<String, CommuneFacts> arrondissements = new HashMap<>();
        final Map<String, List<String>> cityParts = new HashMap<>();
        final Map<String, FormerCommune> formerCodes = new HashMap<>();
        final Map<String, List<FormerCommune>> formerNames = new HashMap<>();

        void lastLoad(Statement statement) throws SQLException {
            try (ResultSet rows = statement
                    .executeQuery("select cog_year, id, loaded_at from cog_load order by id desc limit 1")) {
                if (rows.next()) {
                    cogYear = rows.getInt(1);
                    loadId = rows.getLong(2);
                    loadedAt = rows.getTimestamp(3).toInstant();
                }
            }
        }

        void regionsAndDepartments(Statement statement) throws SQLException {
            try (ResultSet rows = statement.executeQuery("select code, name, coalesce(population, 0) from region")) {
                while (rows.next()) {
                    regions.put(rows.getString(1), new RegionFacts(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
            try (ResultSet rows = statement
                    .executeQuery("select code, name, region_code, coalesce(population, 0) from department")) {
                while (rows.next()) {
                    departments.put(rows.getString(1), new DepartmentFacts(rows.getString(1), rows.getString(2),
                            rows.getString(3), rows.getLong(4)));
                }
            }
        }

        void epcis(Statement statement) throws SQLException {
            try (ResultSet rows = statement.executeQuery("select siren, name, type, coalesce(population, 0) from epci")) {
                while (rows.next()) {
                    epciMembers.put(rows.getString(1), new ArrayList<>());
                    epcis.put(rows.getString(1),
                            new EpciFacts(rows.getString(1), rows.getString(2), rows.getString(3), rows.getLong(4)));
                }
            }
        }

        /** Read after the EPCI: each commune joins its EPCI's and its département's members. */
        void communes(Statement statement) throws SQLException {
            try (ResultSet rows = statement.executeQuery(
                    "select code, name, population, department_code, epci_siren, postal_codes from commune")) {
                while (rows.next()) {
                    // getLong answers 0 for a null; wasNull tells a population INSEE does not publish.
                    long population = rows.getLong(3);
                    boolean published = !rows.wasNull();
                    CommuneFacts c = new CommuneFacts(rows.getString(1), rows.getString(2), population,
                            rows.getString(4), rows.getString(5), List.of((String[]) rows.getArray(6).getArray()), null,
                            published);
                    communes.put(c.code(), c);
                    departmentMembers.computeIfAbsent(c.departmentCode(), k -> new ArrayList<>()).add(c.code());
                    if (c.epciSiren() != null) {
                        epciMembers.computeIfAbsent(c.epciSiren(), k -> new ArrayList<>()).add(c.code());
                    }
                }
            }
        }

        /** Read after the communes: an arrondissement is in its city's département and EPCI. */
        void arrondissements(Statement statement) throws SQLException {
            try (ResultSet rows = statement
                    .executeQuery("select code, name, population, commune_code, postal_codes "
                            + "from arrondissement order by code")) {
                while (rows.next()) {
                    CommuneFacts city = communes.get(rows.getString(4));
                    long population = rows.getLong(3);
                    boolean published = !rows.wasNull();
                    CommuneFacts a = new CommuneFacts(rows.getString(1), rows.getString(2), population,
                            city.departmentCode(), city.epciSiren(), List.of((String[]) rows.getArray(5).getArray()),
                            city.code(), published);
                    arrondissements.put(a.code(), a);
                    cityParts.computeIfAbsent(city.code(), k -> new ArrayList<>()).add(a.code());
                }
            }
        }

        void formerCommunes(Statement statement) throws SQLException {
            try (ResultSet rows = statement
                    .executeQuery("select code, name, type, commune_code from former_commune order by code")) {
                while (rows.next()) {
                    FormerCommune f = new FormerCommune(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4));
                    formerCodes.putIfAbsent(f.code(), f);
                    formerNames.computeIfAbsent(f.communeCode(), k -> new ArrayList<>()).add(f);
                }
            }
        }

        /** The places of each postal code: a city's arrondissements rather than the city for the codes they have. */
        Map<String, List<String>> byPostalCode() {
            Map<String, List<String>> byPostalCode = new HashMap<>();
            arrondissements.values().forEach(
                    a -> a.postalCodes().forEach(p -> byPostalCode.computeIfAbsent(p, k -> new ArrayList<>()).add(a.code())));
            Set<String> ofParts = arrondissements.values().stream()
                    .flatMap(a -> a.postalCodes().stream().map(p -> a.city() + " " + p))
                    .collect(Collectors.toSet());
            communes.values().forEach(c -> c.postalCodes().stream().filter(p -> !ofParts.contains(c.code() + " " + p))
                    .forEach(p -> byPostalCode.computeIfAbsent(p, k -> new ArrayList<>()).add(c.code())));
            byPostalCode.values().forEach(list -> list.sort(Comparator.naturalOrder()));
            return byPostalCode;
        }

        Tables tables() {
            Map<String, List<String>> byPostalCode = byPostalCode();
            epciMembers.values().forEach(list -> list.sort(Comparator.naturalOrder()));
            departmentMembers.values().forEach(list -> list.sort(Comparator.naturalOrder()));
            return new Tables(loadId, loadedAt, cogYear, Map.copyOf(communes), Map.copyOf(arrondissements),
                    Map.copyOf(cityParts),
                    Map.copyOf(formerCodes), Map.copyOf(formerNames), Map.copyOf(epcis), Map.copyOf(epciMembers),
                    Map.copyOf(departmentMembers), Map.copyOf(departments), Map.copyOf(regions), Map.copyOf(byPostalCode));
        }
    }
}
