package fr.dynamiques.sante.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.scheme.Coordination;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Keeps the trace of every published change. A scheme is photographed in the API's format before and after; the
 * trace holds the fields that differ. Coordinators are kept by person id with their title, employer and consent,
 * never by name or contact, so that erasing a person (GDPR) leaves an anonymised trace; a change of their name shows as
 * their {@code identity} (the person's revision) moving on.
 */
@ApplicationScoped
public class Audit {

    /** Fields the directory computes or stamps: they follow the others and would only add noise. */
    private static final Set<String> DERIVED = Set.of("id", "kindLabel", "population", "communeCount", "departments", "regions",
            "size", "cogYear", "history", "createdAt", "updatedAt");

    private final ObjectMapper json;
    private final CogSnapshot cog;

    Audit(ObjectMapper json, CogSnapshot cog) {
        this.json = json;
        this.cog = cog;
    }

    /** The scheme as the trace keeps it, or null for a scheme that does not exist (before a creation, after a deletion). */
    public ObjectNode snapshot(Scheme scheme) {
        if (scheme == null) {
            return null;
        }
        ObjectNode node = json.valueToTree(SchemeDocument.of(scheme, cog, false, null));
        ArrayNode coordinators = node.putArray("coordinators");
        for (Coordination c : scheme.coordinators) {
            ObjectNode entry = coordinators.addObject();
            entry.put("person", c.person.id);
            entry.put("identity", c.person.revision);
            entry.put("title", c.title);
            entry.put("employer", c.employer == null ? null : c.employer.name);
            entry.put("publicContact", c.publicContact);
        }
        DERIVED.forEach(node::remove);
        return node;
    }

    /**
     * What a proposed version changes in the published one. Coordinators are compared as the API shows them to the same
     * reader, without their ids: an entry keeping a coordinator by id is that coordinator as published.
     */
    public List<AuditEntry.FieldChange> compare(SchemeDocument published, SchemeDocument proposed) {
        Map<Long, JsonNode> recorded = new HashMap<>();
        published.coordinatorsOrEmpty().forEach(c -> recorded.put(c.id(), json.valueToTree(c)));
        ObjectNode before = json.valueToTree(published);
        ObjectNode after = json.valueToTree(proposed);
        ArrayNode given = after.putArray("coordinators");
        proposed.coordinatorsOrEmpty().forEach(c -> given.add(c != null && c.keepsById() && recorded.containsKey(c.id())
                ? recorded.get(c.id()).deepCopy()
                : json.valueToTree(c)));
        for (ObjectNode node : List.of(before, after)) {
            DERIVED.forEach(node::remove);
            node.withArray("coordinators").forEach(c -> ((ObjectNode) c).remove("id"));
        }
        return diff(before, after);
    }

    /** The changes an entry records. */
    public List<AuditEntry.FieldChange> changes(AuditEntry entry) {
        try {
            return List.of(json.readValue(entry.changes, AuditEntry.FieldChange[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit entry " + entry.id, e);
        }
    }

    /** Records what changed between the two snapshots (nothing when nothing did). */
    public void record(long schemeId, String action, Caller caller, ObjectNode before, ObjectNode after) {
        record(schemeId, action, caller, before, after, null);
    }

    /** The same, for a write made by a spreadsheet import: the entry names it. */
    public void record(long schemeId, String action, Caller caller, ObjectNode before, ObjectNode after, UUID batch) {
        List<AuditEntry.FieldChange> changes = diff(before, after);
        if (changes.isEmpty()) {
            return;
        }
        AuditEntry entry = new AuditEntry();
        entry.schemeId = schemeId;
        entry.at = Instant.now();
        entry.action = action;
        entry.actorId = caller.accountId();
        entry.actorRole = caller.role().name();
        entry.changes = json.valueToTree(changes).toString();
        entry.batch = batch;
        entry.persist();
    }

    static List<AuditEntry.FieldChange> diff(ObjectNode before, ObjectNode after) {
        Set<String> fields = new LinkedHashSet<>();
        if (before != null) {
            before.fieldNames().forEachRemaining(fields::add);
        }
        if (after != null) {
            after.fieldNames().forEachRemaining(fields::add);
        }
        List<AuditEntry.FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode old = value(before, field);
            JsonNode now = value(after, field);
            if (!old.equals(now)) {
                changes.add(new AuditEntry.FieldChange(field, old, now));
            }
        }
        return changes;
    }

    /** A missing field, a null and an empty list mean the same: nothing. */
    private static JsonNode value(ObjectNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode() && value.isEmpty()) {
            return NullNode.getInstance();
        }
        return value;
    }
}
