package fr.dynamiques.sante.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.embedded.DirectoryProcess;
import fr.dynamiques.sante.embedded.FreePort;

/**
 * Backups and point-in-time restore as an operator runs them: the packaged directory in its own processes, with its
 * own embedded PostgreSQL and OpenSearch on its own data directory, the archive in its default place beside it. Schemes,
 * an account and a proposal are written, a backup taken, more written; after a noted instant a scheme is deleted and
 * another written; the directory stopped and its data directory deleted. Restored to the instant, it holds, and finds,
 * everything written before and nothing after; restored again without an instant, everything.
 */
class BackupRestoreIT {

    private static final String TOKEN = "backup-admin-token";

    private Path root;
    private DirectoryProcess directory;

    @AfterEach
    void stop() throws InterruptedException {
        if (directory != null) {
            directory.stop();
        }
    }

    @Test
    void restoresToAnInstantAndThenToTheEnd() throws Exception {
        root = Files.createTempDirectory("directory-backup-");
        Path data = root.resolve("data");
        Path archive = root.resolve("directory-backups");
        directory = start("first");

        long alpha = create("alpha", "Alpha");
        long bravo = create("bravo", "Bravo");
        JsonNode coordinator = DirectoryProcess.json(directory.send("POST", "/api/v1/users",
                Map.of("email", "coordination@example.org",
                        "displayName", "Coordination Bravo", "role", "COORDINATOR", "schemes", List.of(String.valueOf(bravo))),
                TOKEN), 201);
        String coordinatorToken = DirectoryProcess
                .json(directory.send("POST", "/api/v1/users/" + coordinator.get("id").asLong() + "/tokens",
                        Map.of("label", "backup"), TOKEN), 201)
                .get("token").asText();
        ObjectNode proposed = (ObjectNode) DirectoryProcess.json(directory.send("GET", "/api/v1/schemes/" + bravo, null, TOKEN),
                200);
        proposed.put("name", "CLSM Bravo et environs");
        long change = DirectoryProcess.json(directory.send("PUT", "/api/v1/schemes/" + bravo, proposed, coordinatorToken), 202)
                .get("change").asLong();

        String backup = backup();
        JsonNode health = DirectoryProcess.JSON.readTree(directory.send("GET", "/q/health", null, null).body());
        assertThat(health.get("checks").findValues("name").stream().map(JsonNode::asText)).contains("backups");
        assertThat(check(health, "backups").get("status").asText()).isEqualTo("UP");
        assertThat(check(health, "backups").get("data").get("lastBackup").asText()).isNotBlank();

        create("charlie", "Charlie");
        Thread.sleep(1500);
        Instant instant = Instant.now();
        Thread.sleep(1500);
        assertThat(directory.send("DELETE", "/api/v1/schemes/" + alpha, null, TOKEN).statusCode()).isEqualTo(204);
        create("delta", "Delta");
        directory.stop();
        directory = null;
        deleteRecursively(data);

        // Mistakes are told and change nothing.
        assertThat(restore("no-such-backup")).isEqualTo(2);
        assertThat(restore(backup, "--until", "yesterday")).isEqualTo(2);
        assertThat(restore(backup, "--until", "2020-01-01T00:00:00Z")).isEqualTo(2);
        assertThat(data.resolve("postgres")).doesNotExist();

        Instant began = Instant.now();
        assertThat(restore(backup, "--until", instant.toString())).isZero();
        Duration toInstant = Duration.between(began, Instant.now());
        began = Instant.now();
        directory = start("restored-to-instant");
        Duration firstStart = Duration.between(began, Instant.now());
        assertThat(refs()).containsExactlyInAnyOrder("alpha", "bravo", "charlie");
        assertThat(found("Alpha", 1)).isEqualTo(1);
        assertThat(found("Charlie", 1)).isEqualTo(1);
        assertThat(found("Delta", 0)).isZero();
        assertThat(directory.send("GET", "/api/v1/users/" + coordinator.get("id").asLong(), null, TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(directory.send("GET", "/api/v1/schemes/" + bravo, null, coordinatorToken).statusCode()).isEqualTo(200);
        JsonNode pending = DirectoryProcess.json(directory.send("GET", "/api/v1/changes", null, TOKEN), 200);
        assertThat(pending.findValues("id").stream().map(JsonNode::asLong)).contains(change);

        // A restore refuses to run under a running directory, and leaves it be.
        assertThat(restore(backup)).isEqualTo(1);
        assertThat(refs()).containsExactlyInAnyOrder("alpha", "bravo", "charlie");
        directory.stop();
        directory = null;

        began = Instant.now();
        assertThat(restore(backup)).isZero();
        Duration toEnd = Duration.between(began, Instant.now());
        directory = start("restored-to-the-end");
        assertThat(refs()).containsExactlyInAnyOrder("bravo", "charlie", "delta");
        assertThat(found("Delta", 1)).isEqualTo(1);
        assertThat(found("Alpha", 0)).isZero();
        // The data directory found by the second restore was kept aside, not deleted.
        try (var siblings = Files.list(data)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("postgres.before-restore-"));
        }
        assertThat(archive.resolve("base").resolve(backup).resolve("backup.json")).isRegularFile();
        System.out.printf(
                "BackupRestoreIT: restore to an instant %d ms, then start with the indexes rebuilt %d ms; restore to the end %d ms%n",
                toInstant.toMillis(), firstStart.toMillis(), toEnd.toMillis());
    }

    /** A base backup through the API, waited for; one the schedule started meanwhile is waited for first. */
    private String backup() throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            var answer = directory.send("POST", "/api/v1/admin/backups", null, TOKEN);
            if (answer.statusCode() == 202) {
                String id = DirectoryProcess.JSON.readTree(answer.body()).get("id").asText();
                // Readiness stays up while it runs.
                assertThat(directory.send("GET", "/q/health/ready", null, null).statusCode()).isEqualTo(200);
                while (Instant.now().isBefore(deadline)) {
                    JsonNode listed = DirectoryProcess.json(directory.send("GET", "/api/v1/admin/backups", null, TOKEN), 200);
                    for (JsonNode backup : listed) {
                        if (backup.get("id").asText().equals(id) && !backup.get("completedAt").isNull()) {
                            assertThat(backup.get("bytes").asLong()).isPositive();
                            return id;
                        }
                    }
                    Thread.sleep(200);
                }
            }
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
            Thread.sleep(500);
        }
        throw new AssertionError("no backup taken within 120 s");
    }

    private int restore(String... arguments) throws Exception {
        List<String> args = new ArrayList<>(List.of("restore"));
        args.addAll(List.of(arguments));
        Path log = root.resolve("restore-" + System.nanoTime() + ".log");
        Process process = new ProcessBuilder(DirectoryProcess.command(options(), args.toArray(String[]::new)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(600, TimeUnit.SECONDS)).as("restore within 10 minutes; see " + log).isTrue();
        System.out.printf("restore %s -> %d%n%s%n", String.join(" ", arguments), process.exitValue(),
                Files.readAllLines(log).stream().filter(l -> !l.contains("EmbeddedPostgres")).reduce("",
                        (a, b) -> a + "  " + b + "\n"));
        return process.exitValue();
    }

    private DirectoryProcess start(String name) throws Exception {
        int port = FreePort.find();
        List<String> options = new ArrayList<>(options());
        options.addAll(List.of("-Dquarkus.http.port=" + port, "-Ddirectory.admin-token=" + TOKEN,
                "-Ddirectory.demo-data.enabled=false",
                "-Xmx512m"));
        return DirectoryProcess.start(name, new ProcessBuilder(DirectoryProcess.command(options)), port,
                root.resolve(name + ".log"));
    }

    /** The configuration every command of this directory shares: its data directory, the archive in its default place. */
    private List<String> options() {
        return List.of("-Ddirectory.embedded.data-dir=" + root.resolve("data"),
                "-Ddirectory.embedded.opensearch-home=" + System.getProperty("directory.embedded.opensearch-home",
                        "target/embedded/opensearch-2.19.6"));
    }

    private long create(String ref, String name) throws Exception {
        return DirectoryProcess
                .json(directory.send("POST", "/api/v1/schemes", Map.of("ref", ref, "name", "CLSM " + name, "kind", "CLSM",
                        "status", "ACTIVE", "perimeter", Map.of("communes", List.of("38185"))), TOKEN), 201)
                .get("id").asLong();
    }

    private List<String> refs() throws Exception {
        return DirectoryProcess.json(directory.send("GET", "/api/v1/schemes?size=100", null, null), 200).get("items")
                .findValues("ref").stream().map(JsonNode::asText).toList();
    }

    /** How many schemes search finds for this word, given the index a minute to say what is expected. */
    private long found(String word, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        long found;
        do {
            found = DirectoryProcess.json(directory.send("GET", "/api/v1/search?q=" + word, null, null), 200).get("total")
                    .asLong();
        } while (found != expected && Instant.now().isBefore(deadline) && pause());
        return found;
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
