package fr.dynamiques.sante.search;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


@Path("/api/v1/admin/reindex")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
@SecurityRequirement(name = "admin")
@Tag(name = "Recherche")
public class ReindexResource {

    private final Reindexing reindexing;

    ReindexResource(Reindexing reindexing) {
        this.reindexing = reindexing;
    }

    @POST
    @Operation(summary = "Rebuild the scheme index from the database",
            description = "Runs in the background (202); GET tells its progress. 409 while a rebuild runs. "
                    + "Search answers partially until it completes.")
    public Response start() {
        return Response.accepted(reindexing.start()).location(URI.create("/api/v1/admin/reindex")).build();
    }

    @GET
    @Operation(summary = "Progress of the last rebuild")
    public Reindexing.Status status() {
        return reindexing.status();
    }
}
