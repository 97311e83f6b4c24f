package fr.dynamiques.sante.scheme;

import java.util.Arrays;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.Densities;
import fr.dynamiques.sante.territory.EpciSpan;

/**
 * At start, after the perimeters' migration to the COG and before the demo data: the density class and EPCI span of
 * the schemes written before the registry kept them, from their places. Written straight to the table (no trail: they
 * derive from the perimeter, as the population does); the scheme index, whose documents then lack them, is rebuilt by
 * {@code search.SchemeIndexStartup}.
 */
@ApplicationScoped
class DensityBackfill {

    private static final Logger LOG = Logger.getLogger(DensityBackfill.class);

    private final EntityManager em;
    private final CogSnapshot cog;
    private final Densities densities;

    DensityBackfill(EntityManager em, CogSnapshot cog, Densities densities) {
        this.em = em;
        this.cog = cog;
        this.densities = densities;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 20) StartupEvent event) {
        int filled = fill();
        if (filled > 0) {
            LOG.infof("Density class and EPCI span filled in for %d schemes", filled);
        }
    }

    @Transactional
    int fill() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select c.scheme_id, array_agg(c.commune_code) from scheme_commune c
                where c.scheme_id in (select s.id from scheme s where s.density is null and s.population > 0)
                group by c.scheme_id""").getResultList();
        for (Object[] row : rows) {
            List<String> places = Arrays.asList((String[]) row[1]);
            em.createNativeQuery("update scheme set density = :density, epci_span = :span where id = :id")
                    .setParameter("density", densities.of(places).map(Enum::name).orElse(null))
                    .setParameter("span", EpciSpan.of(places, cog).map(Enum::name).orElse(null))
                    .setParameter("id", ((Number) row[0]).longValue()).executeUpdate();
        }
        return rows.size();
    }
}
