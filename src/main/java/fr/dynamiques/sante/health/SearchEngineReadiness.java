package fr.dynamiques.sante.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the search engine answers its cluster health with green or yellow. */
@Readiness
@ApplicationScoped
public class SearchEngineReadiness implements HealthCheck {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** One per node given: a node down is not the engine down while another answers. */
    private final List<URI> health;

    SearchEngineReadiness(
            @ConfigProperty(name = "quarkus.hibernate-search-orm.elasticsearch.hosts", defaultValue = "localhost:9200") List<String> hosts,
            @ConfigProperty(name = "quarkus.hibernate-search-orm.elasticsearch.protocol", defaultValue = "http") String protocol) {
        this.health = hosts.stream().map(host -> URI.create(protocol + "://" + host.strip() + "/_cluster/health")).toList();
    }

    @Override
    public HealthCheckResponse call() {
        String error = null;
        for (URI url : health) {
            // Which node answered is the operator's business, read in the logs: /q/health is public, it names no address.
            var response = HealthCheckResponse.named("search-engine");
            try {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                boolean usable = answer.statusCode() == 200 && !answer.body().contains("\"status\":\"red\"");
                return response.status(usable).withData("httpStatus", answer.statusCode()).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response.down().withData("error", e.getClass().getSimpleName()).build();
            } catch (Exception e) {
                error = e.getClass().getSimpleName(); // this node is down: ask the next
            }
        }
        return HealthCheckResponse.named("search-engine").down().withData("error", error).build();
    }
}
