package fr.dynamiques.sante.territory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.dynamiques.sante.data.DataFile;

/**
 * Loads INSEE's geography from the compact file built by {@code data/cog/refresh.sh}. Idempotent: the
 * file's checksum is recorded with its COG year, and a file already loaded is not loaded again. A new
 * file is merged in one transaction (upserts, then removal of what the new COG no longer has, then
 * populations recomputed), so readers never see half a referential.
 */
@ApplicationScoped
public class CogLoader {

    private static final Logger LOG = Logger.getLogger(CogLoader.class);

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final String resource;

    CogLoader(DataSource dataSource, ObjectMapper json, CogConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.resource = config.resource();
    }

    /** @return the load performed, or empty when this file was already the one in the database */
    @Transactional
    public Optional<CogLoad> loadIfChanged() {
        return load(DataFile.read(resource));
    }

    /**
     * Loads this referential file unless it is the one in the database. The codes it no longer has are recorded in
     * {@code cog_retired} with their successors, for the perimeters to be migrated (see {@code PerimeterMigration}).
     */
    @Transactional
    public Optional<CogLoad> load(DataFile file) {
        String checksum = file.sha256();
        try (Connection connection = dataSource.getConnection()) {
            // Instances starting together against one database: one loads, the others then see its load.
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext('cog_load'))");
            }
            if (checksum.equals(lastChecksum())) {
                return Optional.empty();
            }
            long start = System.nanoTime();
            CogFile cog = CogFile.parse(file.bytes(), json);
            // Read before anything changes: what the previous referential had for the codes this one drops.
            List<Retired> retired = retired(connection, cog);
            int regions = upsert(connection, cog.regions(), "insert into region (code, name) values (?, ?) "
                    + "on conflict (code) do update set name = excluded.name", r -> List.of(r.code(), r.name()));
            int departments = upsert(connection, cog.departments(),
                    "insert into department (code, name, region_code) values (?, ?, ?) "
                            + "on conflict (code) do update set name = excluded.name, region_code = excluded.region_code",
                    d -> List.of(d.code(), d.name(), d.regionCode()));
            int epcis = upsert(connection, cog.epcis(), "insert into epci (siren, name, type) values (?, ?, ?) "
                    + "on conflict (siren) do update set name = excluded.name, type = excluded.type",
                    e -> List.of(e.siren(), e.name(), e.type()));
            int communes = upsertCommunes(connection, cog.communes());
            replaceCommuneParts(connection, cog);
            removeAbsent(connection, "commune", "code", cog.communes().stream().map(CogFile.CommuneRow::code).toList());
            removeAbsent(connection, "epci", "siren", cog.epcis().stream().map(CogFile.EpciRow::siren).toList());
            removeAbsent(connection, "department", "code",
                    cog.departments().stream().map(CogFile.DepartmentRow::code).toList());
            removeAbsent(connection, "region", "code", cog.regions().stream().map(CogFile.RegionRow::code).toList());
            recomputePopulations(connection);
            rewritePlaces(connection);
            CogLoad load = new CogLoad(cog.cogYear(), cog.source(), checksum,
                    (System.nanoTime() - start) / 1_000_000, regions, departments, epcis, communes);
            long loadId = record(connection, load);
            recordRetired(connection, loadId, retired);
            LOG.infof("COG %d loaded from %s: %d régions, %d départements, %d EPCI, %d communes, %d arrondissements, "
                    + "%d former communes in %d ms; %d codes retired", load.cogYear(), load.source(), regions, departments,
                    epcis, communes, cog.arrondissements().size(), cog.formerCommunes().size(), load.durationMs(),
                    retired.size());
            return Optional.of(load);
        } catch (SQLException e) {
            throw new IllegalStateException("COG load failed; nothing was changed", e);
        }
    }

    /** The last load recorded, if any. */
    @Transactional
    public Optional<CogLoad> lastLoad() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var rows = statement.executeQuery("select cog_year, source, checksum, duration_ms, regions, departments, "
                        + "epcis, communes from cog_load order by id desc limit 1")) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new CogLoad(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getLong(4),
                    rows.getInt(5), rows.getInt(6), rows.getInt(7), rows.getInt(8)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the COG load history", e);
        }
    }

    private String lastChecksum() {
        return lastLoad().map(CogLoad::checksum).orElse(null);
    }

    private static <T> int upsert(Connection connection, List<T> rows, String sql, Function<T, List<String>> values)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T row : rows) {
                List<String> columns = values.apply(row);
                for (int i = 0; i < columns.size(); i++) {
                    statement.setString(i + 1, columns.get(i));
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
        return rows.size();
    }

    private static int upsertCommunes(Connection connection, List<CogFile.CommuneRow> rows) throws SQLException {
        String sql = "insert into commune (code, name, department_code, epci_siren, population, postal_codes) "
                + "values (?, ?, ?, ?, ?, ?) on conflict (code) do update set name = excluded.name, "
                + "department_code = excluded.department_code, epci_siren = excluded.epci_siren, "
                + "population = excluded.population, postal_codes = excluded.postal_codes";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int batched = 0;
            for (CogFile.CommuneRow row : rows) {
                statement.setString(1, row.code());
                statement.setString(2, row.name());
                statement.setString(3, row.departmentCode());
                statement.setString(4, row.epciSiren());
                if (row.population() == null) {
                    statement.setNull(5, Types.INTEGER);
                } else {
                    statement.setInt(5, row.population());
                }
                statement.setArray(6, connection.createArrayOf("varchar", row.postalCodes().toArray(String[]::new)));
                statement.addBatch();
                if (++batched % 2000 == 0) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        }
        return rows.size();
    }

    private static void removeAbsent(Connection connection, String table, String key, List<String> keys) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "delete from " + table + " where " + key + " <> all (?)")) {
            Array array = connection.createArrayOf("varchar", keys.toArray(String[]::new));
            statement.setArray(1, array);
            int removed = statement.executeUpdate();
            if (removed > 0) {
                LOG.infof("COG: %d %s rows no longer in the referential were removed", removed, table);
            }
        }
    }

    private static void recomputePopulations(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("update epci e set population = coalesce((select sum(c.population) from commune c "
                    + "where c.epci_siren = e.siren), 0)");
            statement.executeUpdate("update department d set population = coalesce((select sum(c.population) "
                    + "from commune c where c.department_code = d.code), 0)");
            statement.executeUpdate("update region r set population = coalesce((select sum(d.population) "
                    + "from department d where d.region_code = r.code), 0)");
        }
    }

    private static long record(Connection connection, CogLoad load) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into cog_load (cog_year, source, "
                + "checksum, duration_ms, regions, departments, epcis, communes) values (?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
            statement.setInt(1, load.cogYear());
            statement.setString(2, load.source());
            statement.setString(3, load.checksum());
            statement.setLong(4, load.durationMs());
            statement.setInt(5, load.regions());
            statement.setInt(6, load.departments());
            statement.setInt(7, load.epcis());
            statement.setInt(8, load.communes());
            try (ResultSet id = statement.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    /**
     * The codes the previous referential has and this file has not, with their successors: a commune's current
     * commune when the file lists it as a former code; an EPCI's member communes (in current codes); none for a
     * département or région.
     */
    private static List<Retired> retired(Connection connection, CogFile cog) throws SQLException {
        Set<String> communes = cog.communes().stream().map(CogFile.CommuneRow::code).collect(Collectors.toSet());
        Map<String, String> successorOf = new HashMap<>();
        cog.formerCommunes().stream().filter(f -> !communes.contains(f.code()))
                .forEach(f -> successorOf.put(f.code(), f.communeCode()));
        Function<String, String> current = code -> communes.contains(code) ? code : successorOf.get(code);
        List<Retired> retired = new ArrayList<>();
        String[] kept = communes.toArray(String[]::new);
        try (PreparedStatement statement = connection
                .prepareStatement("select code, name from commune where code <> all (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", kept));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String successor = successorOf.get(rows.getString(1));
                    retired.add(new Retired("commune", rows.getString(1), rows.getString(2),
                            successor == null ? List.of() : List.of(successor)));
                }
            }
        }
        try (PreparedStatement statement = connection
                .prepareStatement("select e.siren, e.name, array_remove(array_agg(c.code order by c.code), null) "
                        + "from epci e left join commune c on c.epci_siren = e.siren where e.siren <> all (?) group by e.siren, e.name")) {
            statement.setArray(1,
                    connection.createArrayOf("varchar", cog.epcis().stream().map(CogFile.EpciRow::siren).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<String> members = Arrays.stream((String[]) rows.getArray(3).getArray()).map(current)
                            .filter(Objects::nonNull).distinct().sorted().toList();
                    retired.add(new Retired("epci", rows.getString(1), rows.getString(2), members));
                }
            }
        }
        for (var table : List.of(List.of("department", cog.departments().stream().map(CogFile.DepartmentRow::code).toArray()),
                List.of("region", cog.regions().stream().map(CogFile.RegionRow::code).toArray()))) {
            try (PreparedStatement statement = connection
                    .prepareStatement("select code, name from " + table.get(0) + " where code <> all (?)")) {
                statement.setArray(1, connection.createArrayOf("varchar", (Object[]) table.get(1)));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        retired.add(new Retired((String) table.get(0), rows.getString(1), rows.getString(2), List.of()));
                    }
                }
            }
        }
        return retired;
    }

    private static void recordRetired(Connection connection, long loadId, List<Retired> retired) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into cog_retired (load_id, level, code, name, successors) values (?, ?, ?, ?, ?)")) {
            for (Retired r : retired) {
                statement.setLong(1, loadId);
                statement.setString(2, r.level());
                statement.setString(3, r.code());
                statement.setString(4, r.name());
                statement.setArray(5, connection.createArrayOf("varchar", r.successors().toArray(String[]::new)));
                statement.addBatch();
            }
            statement.executeBatch();
        }
        retired.forEach(r -> LOG.infof("COG: %s %s (%s) retired; successors %s", r.level(), r.code(), r.name(),
                r.successors().isEmpty() ? "none" : r.successors()));
    }

    /** Arrondissements and former communes: small tables, replaced whole. */
    private static void replaceCommuneParts(Connection connection, CogFile cog) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from arrondissement");
            statement.executeUpdate("delete from former_commune");
        }
        try (PreparedStatement statement = connection.prepareStatement("insert into arrondissement "
                + "(code, name, commune_code, population, postal_codes) values (?, ?, ?, ?, ?)")) {
            for (CogFile.ArrondissementRow a : cog.arrondissements()) {
                statement.setString(1, a.code());
                statement.setString(2, a.name());
                statement.setString(3, a.communeCode());
                statement.setObject(4, a.population() == null ? null : a.population().longValue(), Types.BIGINT);
                statement.setArray(5, connection.createArrayOf("varchar", a.postalCodes().toArray(String[]::new)));
                statement.addBatch();
            }
            statement.executeBatch();
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into former_commune (code, name, commune_code, type) values (?, ?, ?, ?)")) {
            for (CogFile.FormerCommuneRow f : cog.formerCommunes()) {
                statement.setString(1, f.code());
                statement.setString(2, f.name());
                statement.setString(3, f.communeCode());
                statement.setString(4, f.type());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * The places perimeters resolve to (see the migration that made the table): communes, and arrondissements for their city.
     */
    private static void rewritePlaces(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from place");
            statement.executeUpdate("""
                    insert into place (code, name, commune_code, department_code, epci_siren, population)
                    select c.code, c.name, c.code, c.department_code, c.epci_siren, c.population from commune c
                    where not exists (select 1 from arrondissement a where a.commune_code = c.code)
                    union all
                    select a.code, a.name, c.code, c.department_code, c.epci_siren, a.population
                    from arrondissement a join commune c on c.code = a.commune_code""");
        }
    }

    /** A code of the previous referential that the loaded one no longer has. */
    record Retired(String level, String code, String name, List<String> successors) {
    }

    /** One load of the referential, as recorded in {@code cog_load}. */
    public record CogLoad(int cogYear, String source, String checksum, long durationMs,
            int regions, int departments, int epcis, int communes) {
    }
}
