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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/admin/reindex")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
@SecurityRequirement(name = "bearer")
@Tag(name = "Recherche")
public class ReindexResource {

    private final Reindexing reindexing;

    ReindexResource(Reindexing reindexing) {
        this.reindexing = reindexing;
    }

    @POST
    @APIResponse(responseCode = "202", description = "Started", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reindexing.Status.class)))
    @Operation(operationId = "startReindex", summary = "Rebuild the scheme index from the database", description = "Runs in the background (202); GET tells its progress. 409 while a rebuild runs. "
            + "The new index is built beside the live one and swapped in atomically when complete: search keeps answering "
            + "from the live index meanwhile.")
    public Response start() {
        return Response.accepted(reindexing.start()).location(URI.create("/api/v1/admin/reindex")).build();
    }

    @GET
    @Operation(operationId = "getReindexStatus", summary = "Progress of the last rebuild", description = "Whether a rebuild runs, and how far it went: documents indexed out of the schemes to index, "
            + "start and end times.")
    public Reindexing.Status status() {
        return reindexing.status();
    }
}
