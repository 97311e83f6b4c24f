package fr.dynamiques.sante.organisation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import fr.dynamiques.sante.data.DataFile;
import fr.dynamiques.sante.text.FoldedText;

/**
 * The ARS of each région (data/ars/ars.csv: région code, name, website), whom a page names when nothing covers a
 * commune. Seeded at start where the registry lacks one: an ARS already named by schemes gains its région and, if it
 * had none, the website; an ARS the registry has is never overwritten, so that what an admin edited stays.
 */
@ApplicationScoped
public class Agencies {

    private static final Logger LOG = Logger.getLogger(Agencies.class);
    static final String RESOURCE = "ars/ars.csv";

    /** One line of the file. */
    public record Agency(String region, String name, String website) {
    }

    private final EntityManager em;

    Agencies(EntityManager em) {
        this.em = em;
    }

    /** After the referential (its observer runs first), before the demo registry names the same agencies. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 50) StartupEvent event) {
        seed();
    }

    /** @return how many ARS were added or given their région */
    @Transactional
    public int seed() {
        // Instances starting together against one database: one seeds, the others then find the agencies there.
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('agency_seed'))").getSingleResult();
        int seeded = 0;
        for (Agency agency : read()) {
            if (Organisation.agencyOf(agency.region()).isPresent()) {
                continue;
            }
            Organisation organisation = Organisation.<Organisation> find("type = ?1 and nameKey = ?2 and agencyRegion is null",
                    OrganisationType.ARS, FoldedText.of(agency.name())).firstResultOptional().orElseGet(() -> {
                        Organisation created = new Organisation();
                        created.name = agency.name();
                        created.nameKey = FoldedText.of(agency.name());
                        created.type = OrganisationType.ARS;
                        return created;
                    });
            organisation.agencyRegion = agency.region();
            if (organisation.website == null) {
                organisation.website = agency.website();
            }
            organisation.persist();
            seeded++;
        }
        if (seeded > 0) {
            LOG.infof("Regional health agencies: %d added from %s", seeded, RESOURCE);
        }
        return seeded;
    }

    /** The file's agencies: semicolon-separated, a header line, UTF-8. */
    static List<Agency> read() {
        String text = new String(DataFile.read(RESOURCE).bytes(), StandardCharsets.UTF_8);
        return text.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split(";", -1))
                .map(cells -> new Agency(cells[0].strip(), cells[1].strip(), cells[2].strip())).toList();
    }
}
