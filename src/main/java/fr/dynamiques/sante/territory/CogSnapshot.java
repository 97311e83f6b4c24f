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
            List<String> postalCodes, String city) {

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

    /** What a perimeter covers, by the names and codes people type to find it. */
    public record Places(Set<String> communeNames, Set<String> areaNames, Set<String> codes,
            Set<String> departmentCodes, Set<String> regionCodes, String label) {
    }

    /** What the snapshot holds, swapped whole so that readers never see half of it. */
    private record Tables(long loadId, Instant loadedAt, int cogYear, Map<String, CommuneFacts> communes,
            Map<String, CommuneFacts> arrondissements, Map<String, List<String>> cityParts,
            Map<String, FormerCommune> formerCodes, Map<String, List<FormerCommune>> formerNames,
            Map<String, String> epciNames, Map<String, List<String>> epciMembers,
            Map<String, List<String>> departmentMembers, Map<String, String> departmentNames,
            Map<String, String> departmentRegions, Map<String, String> regionNames,
            Map<String, List<String>> byPostalCode) {
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
        return code != null && tables().departmentNames().containsKey(code);
    }

    public boolean isRegion(String code) {
        return code != null && tables().regionNames().containsKey(code);
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
        return tables().departmentNames().get(code);
    }

    /** The name of a région, or null. */
    public String regionName(String code) {
        return tables().regionNames().get(code);
    }

    /** The name of an EPCI, or null. */
    public String epciName(String siren) {
        return tables().epciNames().get(siren);
    }

    /** The member communes of an EPCI, in code order; none for an unknown SIREN. */
    public List<String> epciMembers(String siren) {
        return tables().epciMembers().getOrDefault(siren, List.of());
    }

    /** The région of a département, or null. */
    public String regionOf(String departmentCode) {
        return tables().departmentRegions().get(departmentCode);
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

    /** The départements of these régions, in code order. */
    public List<String> departmentsOfRegions(Collection<String> regions) {
        return tables().departmentRegions().entrySet().stream().filter(e -> regions.contains(e.getValue()))
                .map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** Every région's code, in code order. */
    public List<String> regionCodes() {
        return tables().regionNames().keySet().stream().sorted().toList();
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
        return codes.stream().map(code -> new TerritoryViews.Ref(code, t.departmentNames().get(code))).toList();
    }

    /** The régions these places belong to, in code order. */
    public List<TerritoryViews.Ref> regionsOf(Collection<String> placeCodes) {
        Tables t = tables();
        Set<String> codes = new TreeSet<>();
        placeCodes.stream().map(this::place).filter(c -> c != null)
                .forEach(c -> codes.add(t.departmentRegions().get(c.departmentCode())));
        return codes.stream().map(code -> new TerritoryViews.Ref(code, t.regionNames().get(code))).toList();
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
                areaNames.add(t.epciNames().get(c.epciSiren()));
            }
            departments.add(c.departmentCode());
            regions.add(t.departmentRegions().get(c.departmentCode()));
        }
        departments.forEach(d -> areaNames.add(t.departmentNames().get(d)));
        regions.forEach(r -> areaNames.add(t.regionNames().get(r)));
        codes.addAll(departments);
        codes.addAll(regions);
        String where = departments.stream().map(t.departmentNames()::get).collect(Collectors.joining(", "));
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
        t.epciNames().forEach((siren, name) -> {
            // An EPCI's département, for homonyms: the one most of its communes are in.
            String department = t.epciMembers().getOrDefault(siren, List.of()).stream()
                    .collect(Collectors.groupingBy(code -> t.communes().get(code).departmentCode(), Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
            named.add(new TerritoryNames.Named(TerritoryLevel.EPCI, siren, name, department, false, null));
        });
        t.departmentNames().forEach((code, name) -> named.add(new TerritoryNames.Named(TerritoryLevel.DEPARTMENT, code, name,
                code, false, null)));
        t.regionNames().forEach(
                (code, name) -> named.add(new TerritoryNames.Named(TerritoryLevel.REGION, code, name, null, false, null)));
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
        final Map<String, String> regionNames = new HashMap<>();
        final Map<String, String> departmentNames = new HashMap<>();
        final Map<String, String> departmentRegions = new HashMap<>();
        final Map<String, CommuneFacts> communes = new HashMap<>(50_000);
        final Map<String, List<String>> epciMembers = new HashMap<>();
        final Map<String, List<String>> departmentMembers = new HashMap<>();
        final Map<String, String> epciNames = new HashMap<>();
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
            try (ResultSet rows = statement.executeQuery("select code, name from region")) {
                while (rows.next()) {
                    regionNames.put(rows.getString(1), rows.getString(2));
                }
            }
            try (ResultSet rows = statement.executeQuery("select code, name, region_code from department")) {
                while (rows.next()) {
                    departmentNames.put(rows.getString(1), rows.getString(2));
                    departmentRegions.put(rows.getString(1), rows.getString(3));
                }
            }
        }

        void epcis(Statement statement) throws SQLException {
            try (ResultSet rows = statement.executeQuery("select siren, name from epci")) {
                while (rows.next()) {
                    epciMembers.put(rows.getString(1), new ArrayList<>());
                    epciNames.put(rows.getString(1), rows.getString(2));
                }
            }
        }

        /** Read after the EPCI: each commune joins its EPCI's and its département's members. */
        void communes(Statement statement) throws SQLException {
            try (ResultSet rows = statement.executeQuery(
                    "select code, name, coalesce(population, 0), department_code, epci_siren, postal_codes from commune")) {
                while (rows.next()) {
                    CommuneFacts c = new CommuneFacts(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), rows.getString(5), List.of((String[]) rows.getArray(6).getArray()), null);
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
                    .executeQuery("select code, name, coalesce(population, 0), commune_code, postal_codes "
                            + "from arrondissement order by code")) {
                while (rows.next()) {
                    CommuneFacts city = communes.get(rows.getString(4));
                    CommuneFacts a = new CommuneFacts(rows.getString(1), rows.getString(2), rows.getLong(3),
                            city.departmentCode(),
                            city.epciSiren(), List.of((String[]) rows.getArray(5).getArray()), city.code());
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
                    Map.copyOf(formerCodes), Map.copyOf(formerNames), Map.copyOf(epciNames), Map.copyOf(epciMembers),
                    Map.copyOf(departmentMembers),
                    Map.copyOf(departmentNames), Map.copyOf(departmentRegions), Map.copyOf(regionNames),
                    Map.copyOf(byPostalCode));
        }
    }
}
