package fr.dynamiques.sante.scheme;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.search.FreshRegistryProfile;

/** A scheme written before the registry kept density classes gets its class and EPCI span at the next start. */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class DensityBackfillTest {

    @Inject
    DensityBackfill backfill;

    @Inject
    EntityManager em;

    @Test
    void schemesWithoutADensityClassAreGivenTheOneTheirPlacesGive() {
        Map<String, Object> body = SchemeFixtures.cls("density-backfill");
        body.put("perimeter", Map.of("epcis", List.of("200040715")));
        long id = SchemeFixtures.create(body);
        try {
            String density = given().get("/api/v1/schemes/" + id).jsonPath().getString("density");
            assertThat(density).isIn("rural", "intermediate", "urban");
            assertThat(given().get("/api/v1/schemes/" + id).jsonPath().getString("epciSpan")).isEqualTo("whole");
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery("update scheme set density = null, epci_span = null where id = :id")
                            .setParameter("id", id).executeUpdate());
            assertThat(given().get("/api/v1/schemes/" + id).jsonPath().getString("density")).isNull();

            assertThat(backfill.fill()).isGreaterThanOrEqualTo(1);
            assertThat(given().get("/api/v1/schemes/" + id).jsonPath().getString("density")).isEqualTo(density);
            assertThat(given().get("/api/v1/schemes/" + id).jsonPath().getString("epciSpan")).isEqualTo("whole");
            assertThat(backfill.fill()).as("nothing left to fill").isZero();
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
        }
    }
}
