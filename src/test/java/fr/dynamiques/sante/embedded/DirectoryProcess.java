package fr.dynamiques.sante.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged directory ({@code target/quarkus-app/quarkus-run.jar}) run as its own process, as an operator runs it,
 * and HTTP calls to it: the integration tests' way to stop, kill and restart it.
 */
public record DirectoryProcess(String name, Process process, String base, Path log) {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public static Path application() {
        return Path.of(System.getProperty("directory.it.application", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
    }

    /** {@code java <options> -jar quarkus-run.jar <arguments>}. */
    public static List<String> command(List<String> options, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options);
        command.addAll(List.of("-jar", application().toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Starts the process, its output in {@code log}, and waits until it answers ready on {@code port}. */
    public static DirectoryProcess start(String name, ProcessBuilder builder, int port, Path log) throws Exception {
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DirectoryProcess node = new DirectoryProcess(name, process, "http://127.0.0.1:" + port, log);
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as(name + " exited; see " + log).isTrue();
            try {
                if (node.send("GET", "/q/health/ready", null, null).statusCode() == 200) {
                    return node;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not ready in 180 s; see " + log);
    }

    /** SIGTERM, as an operator's stop, and waits for the exit. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public HttpResponse<String> send(String method, String path, Object body, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> answer, int status) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return JSON.readTree(answer.body());
    }
}
