package fr.dynamiques.sante.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.problem.ProblemException;

/** What the last COG load did to the stored perimeters: what administrators check after the yearly update. */
@Path("/api/v1/admin/cog")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
@SecurityRequirement(name = "bearer")
@Tag(name = "Territoires")
public class CogMigrationResource {

    private final PerimeterMigration migration;

    CogMigrationResource(PerimeterMigration migration) {
        this.migration = migration;
    }

    @GET
    @Operation(operationId = "getCogMigration", summary = "The perimeters the last COG load moved", description = "The COG year loaded, and for each scheme whose perimeter it changed: population before and after, "
            + "each change in words (merged communes, dissolved EPCI, places added or removed), and the codes with "
            + "no successor, kept in the perimeter until someone decides.")
    public PerimeterMigration.Report report() {
        return migration.lastReport().orElseThrow(() -> ProblemException.notFound("No COG load recorded."));
    }
}
