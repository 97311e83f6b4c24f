package fr.dynamiques.sante.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mechanism behind the local run: real servers started from Maven artifacts, data kept in the
 * data directory across a restart, and no process left behind after a stop.
 */
class EmbeddedServicesLifecycleTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void dataSurvivesARestartAndNoProcessOutlivesAStop(@TempDir Path dataDir) throws Exception {
        EmbeddedSettings settings = EmbeddedSettings.fromEnvironment().withDataDir(dataDir);
        List<ProcessHandle> firstRun = new ArrayList<>();

        try (EmbeddedServices services = EmbeddedServices.start(settings, true, true)) {
            try (Connection db = connect(services); Statement sql = db.createStatement()) {
                sql.execute("create table kept (value text)");
                sql.execute("insert into kept values ('survives a restart')");
            }
            String index = "http://" + services.openSearch().hosts() + "/kept";
            assertThat(send("PUT", index, "{}")).isEqualTo(200);
            assertThat(send("PUT", index + "/_doc/1?refresh=true", "{\"value\":\"survives a restart\"}")).isEqualTo(201);

            firstRun.add(ProcessHandle.of(services.openSearch().pid()).orElseThrow());
            firstRun.add(postmaster(dataDir));
            firstRun.addAll(firstRun.get(0).descendants().toList());
            assertThat(firstRun).allMatch(ProcessHandle::isAlive);
        }
        assertThat(firstRun).as("processes of the first run after its stop").noneMatch(ProcessHandle::isAlive);

        try (EmbeddedServices services = EmbeddedServices.start(settings, true, true)) {
            try (Connection db = connect(services);
                    Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("select value from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("survives a restart");
            }
            HttpResponse<String> doc = http.send(HttpRequest.newBuilder(
                    URI.create("http://" + services.openSearch().hosts() + "/kept/_doc/1")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(doc.statusCode()).isEqualTo(200);
            assertThat(doc.body()).contains("survives a restart");
        }
    }

    /** A run killed with SIGKILL leaves its node holding the data directory; the next start stops it. */
    @Test
    void aSearchNodeLeftByAKilledRunIsStoppedAtTheNextStart(@TempDir Path dataDir) throws Exception {
        EmbeddedSettings settings = EmbeddedSettings.fromEnvironment().withDataDir(dataDir);
        Path searchDir = dataDir.resolve("opensearch");
        EmbeddedOpenSearch orphan = EmbeddedOpenSearch.start(settings, searchDir); // never closed, as after SIGKILL
        try {
            ProcessHandle orphanNode = ProcessHandle.of(Long.parseLong(
                    Files.readString(searchDir.resolve("opensearch.pid")).trim())).orElseThrow();
            assertThat(searchDir.resolve("config/opensearch.yml")).as("the node's own configuration copy").exists();

            try (EmbeddedOpenSearch next = EmbeddedOpenSearch.start(settings, searchDir)) {
                assertThat(orphanNode.isAlive()).isFalse();
                assertThat(send("PUT", "http://" + next.hosts() + "/after-restart", "{}")).isEqualTo(200);
            }
        } finally {
            orphan.close();
        }
    }

    @Test
    void onlyWhatIsNotConfiguredExternallyIsStarted(@TempDir Path dataDir) throws Exception {
        try (EmbeddedServices services = EmbeddedServices.start(
                EmbeddedSettings.fromEnvironment().withDataDir(dataDir), true, false)) {
            assertThat(services.openSearch()).isNull();
            assertThat(services.configuration())
                    .containsKey(EmbeddedSettings.DATASOURCE_URL)
                    .doesNotContainKey(EmbeddedSettings.SEARCH_HOSTS);
        }
        assertThat(Files.exists(dataDir.resolve("opensearch"))).isFalse();
    }

    private static Connection connect(EmbeddedServices services) throws Exception {
        return DriverManager.getConnection(services.database().jdbcUrl(), EmbeddedDatabase.USER, "");
    }

    private static ProcessHandle postmaster(Path dataDir) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        return ProcessHandle.of(pid).orElseThrow();
    }

    private int send(String method, String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
