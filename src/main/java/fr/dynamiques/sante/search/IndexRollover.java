package fr.dynamiques.sante.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.backend.elasticsearch.index.ElasticsearchIndexManager;
import org.hibernate.search.backend.elasticsearch.metamodel.ElasticsearchIndexDescriptor;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.scheme.Scheme;

/**
 * A scheme index built beside the live one, then swapped in with one atomic alias change: search reads the old index
 * (its read alias) until the new one is complete. Hibernate Search names its indexes {@code scheme-00000N} behind a
 * write and a read alias; a rollover on the write alias creates the next one with the mapping expected now, and moves
 * only the write alias there (live writes and the rebuild go to the new index). Committing makes the new index
 * searchable, moves the read alias in one atomic change, then drops the old index; closed without a commit, it rolls
 * back: drops the new one and gives the write alias back.
 */
final class IndexRollover implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(IndexRollover.class);
    /** How long searches already sent to the old index have to finish before it is dropped. */
    private static final Duration IN_FLIGHT_SEARCHES = Duration.ofSeconds(2);

    private final RestClient client;
    private final ObjectMapper json;
    private final ElasticsearchIndexDescriptor index;
    private final String oldIndex;
    private final String newIndex;
    private boolean committed;

    private IndexRollover(RestClient client, ObjectMapper json, ElasticsearchIndexDescriptor index, String oldIndex,
            String newIndex) {
        this.client = client;
        this.json = json;
        this.index = index;
        this.oldIndex = oldIndex;
        this.newIndex = newIndex;
    }

    /** Creates the new index and points the write alias at it; the read alias stays on the live index. */
    static IndexRollover start(SearchMapping mapping, ObjectMapper json) {
        RestClient client = mapping.backend().unwrap(ElasticsearchBackend.class).client(RestClient.class);
        ElasticsearchIndexDescriptor index = descriptor(mapping);
        List<String> bodies = new ArrayList<>();
        mapping.scope(Scheme.class).schemaManager().exportExpectedSchema((backend, name, export) -> bodies
                .add(export.extension(ElasticsearchExtension.get()).bodyParts().get(0).toString()));
        try {
            ObjectNode body = (ObjectNode) json.readTree(bodies.get(0));
            // No alias copied: the read alias must not reach the new index before it is complete.
            body.putObject("aliases");
            // Nobody searches it before the swap: no periodic refresh while it fills (the engine's CPU goes to indexing).
            body.withObject("/settings/index").put("refresh_interval", "-1");
            JsonNode answer = send(client, json, "POST", "/" + index.writeName() + "/_rollover", body);
            IndexRollover rollover = new IndexRollover(client, json, index, answer.get("old_index").asText(),
                    answer.get("new_index").asText());
            LOG.infof("Scheme index rollover: building %s beside %s, which search keeps reading", rollover.newIndex,
                    rollover.oldIndex);
            return rollover;
        } catch (IOException e) {
            throw new UncheckedIOException("Scheme index rollover could not start", e);
        }
    }

    /**
     * The new index becomes the one search reads, in one atomic alias change; the old one is dropped a moment later,
     * once the searches that had already reached it are answered (dropped at once, they fail with "all shards failed").
     */
    void commit() {
        try {
            // Back to the engine's default refresh (a second), then everything written so far made searchable.
            ObjectNode settings = json.createObjectNode();
            settings.withObject("/index").putNull("refresh_interval");
            send(client, json, "PUT", "/" + newIndex + "/_settings", settings);
            send(client, json, "POST", "/" + newIndex + "/_refresh", null);
        } catch (IOException e) {
            throw new UncheckedIOException("Scheme index rollover: the new index could not be made searchable", e);
        }
        changeAliases(client, json, List.of(
                action(json, "add", Map.of("index", newIndex, "alias", index.readName(), "is_write_index", "false")),
                action(json, "remove", Map.of("index", oldIndex, "alias", index.readName())),
                action(json, "remove", Map.of("index", oldIndex, "alias", index.writeName()))));
        committed = true;
        LOG.infof("Scheme index rollover committed: search reads %s", newIndex);
        CompletableFuture.runAsync(this::dropOld,
                CompletableFuture.delayedExecutor(IN_FLIGHT_SEARCHES.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void dropOld() {
        try {
            send(client, json, "DELETE", "/" + oldIndex, null);
        } catch (IOException | RuntimeException e) {
            // Harmless: nothing reads or writes it any more.
            LOG.warnf("Scheme index rollover: the old index %s could not be dropped (%s)", oldIndex, e.getMessage());
        }
    }

    /** Unless committed, back to the live index for writes too; the new index is dropped. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            changeAliases(client, json, List.of(
                    action(json, "add", Map.of("index", oldIndex, "alias", index.writeName(), "is_write_index", "true")),
                    action(json, "remove_index", Map.of("index", newIndex))));
            LOG.warnf("Scheme index rollover rolled back: %s dropped, %s kept", newIndex, oldIndex);
        } catch (RuntimeException e) {
            // Not thrown: the rebuild's own failure is what its caller reports.
            LOG.error("Scheme index rollover could not be rolled back; the next start repairs it", e);
        }
    }

    /**
     * After a crash in the middle of a rollover, the write alias may point at an index search does not read: it is
     * dropped and the write alias given back to the index search reads (writes since then are in the outbox's past; the
     * start-up check rebuilds if the index then lacks schemes). A process stopped in the seconds between a commit and the
     * drop of the old index leaves that index without any alias: it is dropped too. True when something had to be repaired.
     */
    static boolean recover(SearchMapping mapping, ObjectMapper json) {
        RestClient client = mapping.backend().unwrap(ElasticsearchBackend.class).client(RestClient.class);
        ElasticsearchIndexDescriptor index = descriptor(mapping);
        try {
            // Every index of this name, aliased or not: Hibernate Search numbers them "scheme-000001", "scheme-000002"...
            JsonNode aliases = send(client, json, "GET", "/" + index.hibernateSearchName() + "-*/_alias", null);
            Pattern numbered = Pattern.compile(Pattern.quote(index.hibernateSearchName()) + "-\\d{6}");
            List<String> read = new ArrayList<>();
            List<String> written = new ArrayList<>();
            List<String> orphans = new ArrayList<>();
            aliases.fields().forEachRemaining(e -> {
                JsonNode its = e.getValue().path("aliases");
                if (its.has(index.readName())) {
                    read.add(e.getKey());
                }
                if (its.has(index.writeName())) {
                    written.add(e.getKey());
                }
                if (its.isEmpty() && numbered.matcher(e.getKey()).matches()) {
                    orphans.add(e.getKey());
                }
            });
            List<String> leftovers = new ArrayList<>(written.stream().filter(name -> !read.contains(name)).toList());
            leftovers.addAll(orphans);
            if (read.size() != 1 || leftovers.isEmpty()) {
                return false;
            }
            List<ObjectNode> actions = new ArrayList<>();
            if (!written.equals(read)) {
                actions.add(action(json, "add",
                        Map.of("index", read.get(0), "alias", index.writeName(), "is_write_index", "true")));
            }
            leftovers.forEach(name -> actions.add(action(json, "remove_index", Map.of("index", name))));
            changeAliases(client, json, actions);
            LOG.warnf("Scheme index: an interrupted rebuild left %s; dropped, search and writes on %s", leftovers, read.get(0));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Scheme index aliases could not be checked", e);
        }
    }

    private static ElasticsearchIndexDescriptor descriptor(SearchMapping mapping) {
        return mapping.indexedEntity(Scheme.class).indexManager().unwrap(ElasticsearchIndexManager.class).descriptor();
    }

    private static void changeAliases(RestClient client, ObjectMapper json, List<ObjectNode> actions) {
        ObjectNode body = json.createObjectNode();
        ArrayNode list = body.putArray("actions");
        actions.forEach(list::add);
        try {
            send(client, json, "POST", "/_aliases", body);
        } catch (IOException e) {
            throw new UncheckedIOException("Scheme index aliases could not be changed", e);
        }
    }

    private static ObjectNode action(ObjectMapper json, String name, Map<String, String> parameters) {
        ObjectNode action = json.createObjectNode();
        ObjectNode inner = action.putObject(name);
        parameters.forEach((key, value) -> {
            if (key.equals("is_write_index")) {
                inner.put(key, Boolean.parseBoolean(value));
            } else {
                inner.put(key, value);
            }
        });
        return action;
    }

    private static JsonNode send(RestClient client, ObjectMapper json, String method, String path, JsonNode body)
            throws IOException {
        Request request = new Request(method, path);
        if (body != null) {
            request.setEntity(new StringEntity(json.writeValueAsString(body), ContentType.APPLICATION_JSON));
        }
        try (InputStream in = client.performRequest(request).getEntity().getContent()) {
            return json.readTree(in);
        }
    }
}
