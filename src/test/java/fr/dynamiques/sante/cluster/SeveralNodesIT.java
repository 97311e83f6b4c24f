package fr.dynamiques.sante.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.dynamiques.sante.embedded.DirectoryProcess;
import fr.dynamiques.sante.embedded.EmbeddedServices;
import fr.dynamiques.sante.embedded.EmbeddedSettings;
import fr.dynamiques.sante.embedded.FreePort;

/**
 * Two directory processes (the packaged application) on one PostgreSQL and one search engine, as behind a load
 * balancer: writes through both are indexed; tokens, sessions, figures and the sign-in throttle are the same on
 * either; and when one is killed (SIGKILL) in the middle of writes, no acknowledged write is lost, and the survivor
 * takes over the dead node's share of the index events and indexes them within 20 s. Also the container image's start
 * (docker/entrypoint.sh) with its class data sharing archive.
 */
class SeveralNodesIT {

    private static final String TOKEN = "several-nodes-admin-token";
    private static final Duration TAKEOVER = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path dataDir;
    private static EmbeddedServices services;
    private static DirectoryProcess a;
    private static DirectoryProcess b;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        dataDir = Files.createTempDirectory("directory-nodes-");
        services = EmbeddedServices.start(EmbeddedSettings.fromEnvironment().withDataDir(dataDir.resolve("services")), true,
                true);
        a = start("node-a"); // migrates the schema and loads the referential
        b = start("node-b"); // joins: finds both done
    }

    @AfterAll
    static void stopAll() {
        for (DirectoryProcess node : new DirectoryProcess[] { a, b }) {
            if (node != null) {
                node.process().destroy();
            }
        }
        for (DirectoryProcess node : new DirectoryProcess[] { a, b }) {
            if (node != null) {
                try {
                    node.process().waitFor();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    void twoNodesServeTheSameDirectoryAndOneSurvivesTheOthersDeath() throws Exception {
        // Writes through both nodes, each indexed and searchable on both.
        for (int i = 0; i < 5; i++) {
            create(a, "node-a-" + i);
            create(b, "node-b-" + i);
        }
        awaitSearchable(a, 10, Duration.ofSeconds(20));
        assertThat(total(b)).isEqualTo(10);

        // A token issued on one node works on the other; so does a session opened on one.
        JsonNode account = DirectoryProcess
                .json(a.send("POST", "/api/v1/users", Map.of("email", "ars@example.org", "displayName", "ARS",
                        "role", "ADMIN", "password", "un mot de passe assez long"), TOKEN), 201);
        JsonNode issued = DirectoryProcess.json(a.send("POST", "/api/v1/users/" + account.get("id").asLong() + "/tokens",
                Map.of("label", "nodes"), TOKEN), 201);
        assertThat(
                b.send("GET", "/api/v1/users/" + account.get("id").asLong(), null, issued.get("token").asText()).statusCode())
                .isEqualTo(200);
        String session = signIn(a, "ars@example.org", "un mot de passe assez long");
        HttpResponse<String> space = HTTP.send(HttpRequest.newBuilder(URI.create(b.base() + "/espace"))
                .header("Cookie", "session=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(space.statusCode()).isEqualTo(200);

        // The same figures on both.
        assertThat(body(b.send("GET", "/api/v1/coverage?level=region", null, null)))
                .isEqualTo(body(a.send("GET", "/api/v1/coverage?level=region", null, null)));
        // Failed sign-ins count on every node: four on A, one on B, and the next on either is refused.
        for (int i = 0; i < 4; i++) {
            assertThat(signInStatus(a, "ars@example.org", "wrong password " + i)).isEqualTo(401);
        }
        assertThat(signInStatus(b, "ars@example.org", "wrong password 4")).isEqualTo(401);
        assertThat(signInStatus(a, "ars@example.org", "un mot de passe assez long")).isEqualTo(429);
        assertThat(signInStatus(b, "ars@example.org", "un mot de passe assez long")).isEqualTo(429);

        // B is killed while writes go through it; every write it acknowledged is kept and indexed by A.
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; writing.get(); i++) {
                try {
                    if (b.send("POST", "/api/v1/schemes", scheme("killed-" + i), TOKEN).statusCode() == 201) {
                        acknowledged.add("killed-" + i);
                    }
                } catch (IOException e) {
                    return; // B is gone
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        Instant writesDeadline = Instant.now().plusSeconds(60);
        while (acknowledged.size() < 30) {
            assertThat(writer.isDone()).as("the writer stopped after %d writes", acknowledged.size()).isFalse();
            assertThat(Instant.now()).as("30 writes through B within 60 s").isBefore(writesDeadline);
            Thread.sleep(20);
        }
        b.process().destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye to the other agents
        Instant killed = Instant.now();
        b.process().waitFor();
        writing.set(false);
        writer.join();
        // Twenty more through A: the events of those that fall to the dead node's share wait until A takes it over.
        for (int i = 0; i < 20; i++) {
            create(a, "after-kill-" + i);
        }
        long expected = 10 + acknowledged.size() + 20;
        Thread.sleep(1000); // A has indexed its own share by now
        assertThat(total(a)).as("events waiting in the dead node's share").isLessThan(expected);

        awaitSearchable(a, expected, TAKEOVER.plusSeconds(10));
        Duration takeover = Duration.between(killed, Instant.now());
        System.out.printf(
                "SeveralNodesIT: %d writes acknowledged by the killed node; all searchable on the survivor %d ms after the kill%n",
                acknowledged.size(), takeover.toMillis());
        assertThat(takeover).isLessThanOrEqualTo(TAKEOVER);
        for (String ref : acknowledged) {
            assertThat(DirectoryProcess.json(a.send("GET", "/api/v1/schemes?ref=" + ref, null, null), 200).get("total").asInt())
                    .as(ref).isEqualTo(1);
        }
    }

    @Test
    void theImageEntrypointWritesAClassArchiveAtTheFirstExitAndStartsFromIt() throws Exception {
        Path archives = Files.createDirectories(dataDir.resolve("cds"));
        Path earlierBuild = Files.write(archives.resolve("directory-0123456789abcdef.jsa"), new byte[] { 1 });
        DirectoryProcess first = startByEntrypoint("entrypoint-first", archives, "");
        first.process().destroy(); // SIGTERM, as a container stop: the JVM writes the archive as it exits
        assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<Path> written;
        try (var files = Files.list(archives)) {
            written = files.toList();
        }
        assertThat(written).doesNotContain(earlierBuild).singleElement().satisfies(archive -> {
            assertThat(archive.getFileName().toString()).matches("directory-[0-9a-f]{16}\\.jsa");
            assertThat(Files.size(archive)).isGreaterThan(10_000_000L);
        });
        // -Xshare:on: the JVM exits rather than run without the archive, so getting ready proves it was read.
        DirectoryProcess second = startByEntrypoint("entrypoint-second", archives, "-Xshare:on");
        second.process().destroy();
        second.process().waitFor();
        assertThat(Files.readString(dataDir.resolve("entrypoint-first.log"))).doesNotContain("[warning][cds]");
        Files.delete(written.get(0)); // 100 MB
    }

    private static DirectoryProcess start(String name) throws Exception {
        int port = FreePort.find();
        return DirectoryProcess.start(name, new ProcessBuilder(DirectoryProcess.command(options(port))), port,
                dataDir.resolve(name + ".log"));
    }

    /** As the container image starts it: docker/entrypoint.sh, the options in JAVA_OPTS. */
    private static DirectoryProcess startByEntrypoint(String name, Path cdsDir, String extraOptions) throws Exception {
        int port = FreePort.find();
        ProcessBuilder builder = new ProcessBuilder("sh", "docker/entrypoint.sh");
        builder.environment().put("DIRECTORY_JAR", DirectoryProcess.application().toString());
        builder.environment().put("DIRECTORY_CDS_DIR", cdsDir.toString());
        builder.environment().put("JAVA_OPTS", String.join(" ", options(port)) + " " + extraOptions);
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        return DirectoryProcess.start(name, builder, port, dataDir.resolve(name + ".log"));
    }

    /** The shared services, this port, no demo data. */
    private static List<String> options(int port) {
        List<String> options = new ArrayList<>();
        services.configuration().forEach((key, value) -> options.add("-D" + key + "=" + value));
        options.addAll(List.of("-Dquarkus.http.port=" + port, "-Ddirectory.admin-token=" + TOKEN,
                "-Ddirectory.demo-data.enabled=false", "-Xmx512m"));
        return options;
    }

    private static Map<String, Object> scheme(String ref) {
        return Map.of("ref", ref, "name", "CLSM " + ref, "kind", "CLSM", "status", "ACTIVE",
                "perimeter", Map.of("communes", List.of("38185")));
    }

    private static void create(DirectoryProcess node, String ref) throws Exception {
        DirectoryProcess.json(node.send("POST", "/api/v1/schemes", scheme(ref), TOKEN), 201);
    }

    private static long total(DirectoryProcess node) throws Exception {
        return DirectoryProcess.json(node.send("GET", "/api/v1/search?size=1", null, null), 200).get("total").asLong();
    }

    /** Waits until search on this node counts this many schemes; answers how long it took. */
    private static Duration awaitSearchable(DirectoryProcess node, long expected, Duration timeout) throws Exception {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(timeout) < 0) {
            if (total(node) >= expected) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "Search on " + node.name() + " counts " + total(node) + ", not " + expected + ", after " + timeout);
    }

    private static String signIn(DirectoryProcess node, String email, String password) throws Exception {
        HttpResponse<String> answer = postSignIn(node, email, password);
        assertThat(answer.statusCode()).isEqualTo(303);
        Matcher cookie = Pattern.compile("session=([^;]+)").matcher(String.join(";", answer.headers().allValues("Set-Cookie")));
        assertThat(cookie.find()).isTrue();
        return cookie.group(1);
    }

    private static int signInStatus(DirectoryProcess node, String email, String password) throws Exception {
        return postSignIn(node, email, password).statusCode();
    }

    /** As a browser does: the form's token from the form and its cookie, the page's origin. */
    private static HttpResponse<String> postSignIn(DirectoryProcess node, String email, String password) throws Exception {
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "/connexion")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        String formCookie = form.headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).findFirst().orElseThrow();
        String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(node.base() + "/connexion")).header("Cookie", formCookie)
                .header("Origin", node.base()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
