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
 * The referential in memory (about 36,000 rows, a few MB): what validating and resolving thousands of
 * perimeters asks of it, without a query per code. Read once, on first use; the COG changes only through
 * {@link CogLoader} at start, which calls {@link #invalidate()}.
 */
@ApplicationScoped
public class CogSnapshot implements ReferentialState {

    /** A current commune, as perimeters need it. */
    public record CommuneFacts(String code, String name, long population, String departmentCode, String epciSiren,
                               List<String> postalCodes) {
    }

    /** What a perimeter covers, by the names and codes people type to find it. */
    public record Places(Set<String> communeNames, Set<String> areaNames, Set<String> codes,
                         Set<String> departmentCodes, Set<String> regionCodes, String label) {
    }

    /** What the snapshot holds, swapped whole so that readers never see half of it. */
    private record Tables(long loadId, Instant loadedAt, int cogYear, Map<String, CommuneFacts> communes, Map<String, String> epciNames,
                          Map<String, List<String>> epciMembers,
                          Map<String, List<String>> departmentMembers, Map<String, String> departmentNames,
                          Map<String, String> departmentRegions, Map<String, String> regionNames) {
    }

    private final DataSource dataSource;
    private volatile Tables tables;

    CogSnapshot(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void invalidate() {
        tables = null;
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

    public boolean exists(TerritoryLevel level, String code) {
        return switch (level) {
            case COMMUNE -> isCommune(code);
            case EPCI -> isEpci(code);
            case DEPARTMENT -> isDepartment(code);
            case REGION -> isRegion(code);
        };
    }

    /** A current commune, or null. */
    public CommuneFacts commune(String code) {
        return tables().communes().get(code);
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

    /** The région of a département, or null. */
    public String regionOf(String departmentCode) {
        return tables().departmentRegions().get(departmentCode);
    }

    /** Every commune the declared communes, EPCI and départements cover, each once, in code order. */
    public Set<String> resolve(Collection<String> communes, Collection<String> epcis, Collection<String> departments) {
        Tables t = tables();
        Set<String> covered = new TreeSet<>();
        communes.stream().filter(t.communes()::containsKey).forEach(covered::add);
        epcis.forEach(siren -> covered.addAll(t.epciMembers().getOrDefault(siren, List.of())));
        departments.forEach(code -> covered.addAll(t.departmentMembers().getOrDefault(code, List.of())));
        return covered;
    }

    /** Sum of the populations of these communes (each counted once; none published counts as 0). */
    public long population(Collection<String> communeCodes) {
        Map<String, CommuneFacts> communes = tables().communes();
        return communeCodes.stream().distinct().map(communes::get)
                .filter(c -> c != null).mapToLong(CommuneFacts::population).sum();
    }

    /** The départements these communes belong to, in code order. */
    public List<TerritoryViews.Ref> departmentsOf(Collection<String> communeCodes) {
        Tables t = tables();
        Set<String> codes = new TreeSet<>();
        communeCodes.stream().map(t.communes()::get).filter(c -> c != null).forEach(c -> codes.add(c.departmentCode()));
        return codes.stream().map(code -> new TerritoryViews.Ref(code, t.departmentNames().get(code))).toList();
    }

    /** The régions these communes belong to, in code order. */
    public List<TerritoryViews.Ref> regionsOf(Collection<String> communeCodes) {
        Tables t = tables();
        Set<String> codes = new TreeSet<>();
        communeCodes.stream().map(t.communes()::get).filter(c -> c != null)
                .forEach(c -> codes.add(t.departmentRegions().get(c.departmentCode())));
        return codes.stream().map(code -> new TerritoryViews.Ref(code, t.regionNames().get(code))).toList();
    }

    /**
     * The places these communes make up: their names, postal codes and codes, and the EPCI, départements
     * and régions they touch (names and codes).
     */
    public Places places(Collection<String> communeCodes) {
        Tables t = tables();
        Set<String> communeNames = new TreeSet<>();
        Set<String> areaNames = new TreeSet<>();
        Set<String> codes = new TreeSet<>();
        Set<String> departments = new TreeSet<>();
        Set<String> regions = new TreeSet<>();
        for (String code : communeCodes) {
            CommuneFacts c = t.communes().get(code);
            if (c == null) {
                continue;
            }
            communeNames.add(c.name());
            codes.add(c.code());
            codes.addAll(c.postalCodes());
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
        String label = communeNames.size() == 1 ? communeNames.iterator().next() + " (" + where + ")"
                : communeNames.size() + " communes, " + where;
        return new Places(communeNames, areaNames, codes, departments, regions, label);
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
            int cogYear = 0;
            long loadId = 0;
            Instant loadedAt = Instant.EPOCH;
            try (ResultSet rows = statement.executeQuery("select cog_year, id, loaded_at from cog_load order by id desc limit 1")) {
                if (rows.next()) {
                    cogYear = rows.getInt(1);
                    loadId = rows.getLong(2);
                    loadedAt = rows.getTimestamp(3).toInstant();
                }
            }
            Map<String, String> regionNames = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("select code, name from region")) {
                while (rows.next()) {
                    regionNames.put(rows.getString(1), rows.getString(2));
                }
            }
            Map<String, String> departmentNames = new HashMap<>();
            Map<String, String> departmentRegions = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("select code, name, region_code from department")) {
                while (rows.next()) {
                    departmentNames.put(rows.getString(1), rows.getString(2));
                    departmentRegions.put(rows.getString(1), rows.getString(3));
                }
            }
            Map<String, CommuneFacts> communes = new HashMap<>(50_000);
            Map<String, List<String>> epciMembers = new HashMap<>();
            Map<String, List<String>> departmentMembers = new HashMap<>();
            Map<String, String> epciNames = new HashMap<>();
            try (ResultSet rows = statement.executeQuery("select siren, name from epci")) {
                while (rows.next()) {
                    epciMembers.put(rows.getString(1), new ArrayList<>());
                    epciNames.put(rows.getString(1), rows.getString(2));
                }
            }
            try (ResultSet rows = statement.executeQuery(
                    "select code, name, coalesce(population, 0), department_code, epci_siren, postal_codes from commune")) {
                while (rows.next()) {
                    CommuneFacts c = new CommuneFacts(rows.getString(1), rows.getString(2), rows.getLong(3),
                            rows.getString(4), rows.getString(5), List.of((String[]) rows.getArray(6).getArray()));
                    communes.put(c.code(), c);
                    departmentMembers.computeIfAbsent(c.departmentCode(), k -> new ArrayList<>()).add(c.code());
                    if (c.epciSiren() != null) {
                        epciMembers.computeIfAbsent(c.epciSiren(), k -> new ArrayList<>()).add(c.code());
                    }
                }
            }
            epciMembers.values().forEach(list -> list.sort(Comparator.naturalOrder()));
            return new Tables(loadId, loadedAt, cogYear, Map.copyOf(communes), Map.copyOf(epciNames), Map.copyOf(epciMembers), Map.copyOf(departmentMembers),
                    Map.copyOf(departmentNames), Map.copyOf(departmentRegions), Map.copyOf(regionNames));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the referential", e);
        }
    }
}
