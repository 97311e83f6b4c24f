package fr.dynamiques.sante.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.data.DataFile;
import fr.dynamiques.sante.registry.SchemeWrites;
import fr.dynamiques.sante.scheme.SchemeDocument;

/**
 * The demo registry (data/demo/schemes.json: real schemes, fictional coordinators), imported at start
 * when {@code directory.demo-data.enabled}. Upserts on ref, and only when the file changed since the last
 * load, so that a restart does not undo what was edited through the API.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    static final String RESOURCE = "demo/schemes.json";

    private final boolean enabled;
    private final SchemeWrites schemes;
    private final ObjectMapper json;
    private final EntityManager em;

    DemoData(DemoDataConfig config, SchemeWrites schemes, ObjectMapper json, EntityManager em) {
        this.enabled = config.enabled();
        this.schemes = schemes;
        this.json = json;
        this.em = em;
    }

    /** After the referential is loaded (its observer runs first). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        if (enabled) {
            loadIfChanged();
        }
    }

    /** @return how many schemes were imported; 0 when this file was already loaded */
    @Transactional
    public int loadIfChanged() {
        DataFile file = DataFile.read(RESOURCE);
        String checksum = file.sha256();
        // Instances starting together against one database: one loads, the others then see its load.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('demo_load'))").getSingleResult();
        List<?> last = em.createNativeQuery("select checksum from demo_load order by id desc limit 1").getResultList();
        if (!last.isEmpty() && checksum.equals(last.get(0))) {
            return 0;
        }
        List<SchemeDocument> docs;
        try {
            docs = json.readValue(file.bytes(), new TypeReference<List<SchemeDocument>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable demo data " + RESOURCE, e);
        }
        SchemeWrites.ImportReport report = schemes.importAll(Caller.CONFIGURED_ADMIN, docs, List.of(), false);
        if (!report.errors().isEmpty()) {
            throw new IllegalStateException("Invalid demo data " + RESOURCE + ": " + report.errors().stream()
                    .map(e -> "row " + e.row() + " " + e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        }
        em.createNativeQuery("insert into demo_load (checksum, schemes) values (?1, ?2)")
                .setParameter(1, checksum).setParameter(2, docs.size()).executeUpdate();
        LOG.infof("Demo data: %d schemes created, %d updated", report.created(), report.updated());
        return docs.size();
    }
}
