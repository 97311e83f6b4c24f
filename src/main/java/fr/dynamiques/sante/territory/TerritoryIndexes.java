package fr.dynamiques.sante.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.backend.elasticsearch.index.ElasticsearchIndexManager;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The five territory indexes through the engine's own API, for what Hibernate Search does not do: tell whether they hold
 * any document at all, and set them up for the mass indexer to fill them.
 */
final class TerritoryIndexes {

    /**
     * While they fill: no refresh every second (nobody needs a half-built referential searchable, and each refresh writes
     * small segments to merge: about 1 CPU-second of a first start's fill) and the translog synced to disk every few
     * seconds, not at each of the fill's hundreds of bulk requests (an fsync takes about 3 ms here). A fill cut short by a
     * crash is
     * rebuilt at the next start anyway: the indexes then miss territories.
     */
    private static final String FILLING = """
            {"index": {"refresh_interval": "-1", "translog.durability": "async"}}""";
    /** The engine's defaults again: searchable within a second, every write synced before it is acknowledged. */
    private static final String SEARCHED = """
            {"index": {"refresh_interval": null, "translog.durability": null}}""";

    private final RestClient client;
    private final ObjectMapper json;
    /** Their write aliases, comma-separated: one request reaches all five. */
    private final String names;

    private TerritoryIndexes(RestClient client, ObjectMapper json, String names) {
        this.client = client;
        this.json = json;
        this.names = names;
    }

    static TerritoryIndexes of(SearchMapping mapping, ObjectMapper json) {
        String names = mapping.allIndexedEntities().stream()
                .filter(entity -> Territory.class.isAssignableFrom(entity.javaClass()))
                .map(entity -> entity.indexManager().unwrap(ElasticsearchIndexManager.class).descriptor().writeName())
                .sorted()
                .collect(Collectors.joining(","));
        return new TerritoryIndexes(mapping.backend().unwrap(ElasticsearchBackend.class).client(RestClient.class), json, names);
    }

    /**
     * True when they hold no document, not even one that only a refresh would make searchable (what a fill cut short,
     * refresh off, leaves behind).
     */
    boolean empty() {
        send("POST", "_refresh", null);
        return send("GET", "_count", null).path("count").asLong() == 0;
    }

    /** Sets them up for a bulk fill; closing what it returns sets them back for search. */
    Filling fill() {
        send("PUT", "_settings", FILLING);
        return () -> send("PUT", "_settings", SEARCHED);
    }

    /** A bulk fill under way. */
    interface Filling extends AutoCloseable {
        @Override
        void close();
    }

    private JsonNode send(String method, String endpoint, String body) {
        Request request = new Request(method, "/" + names + "/" + endpoint);
        if (body != null) {
            request.setJsonEntity(body);
        }
        try (InputStream in = client.performRequest(request).getEntity().getContent()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Territory indexes: " + method + " " + endpoint + " failed", e);
        }
    }
}
