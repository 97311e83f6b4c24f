package fr.dynamiques.sante.backup;

import java.net.URI;
import java.time.Instant;
import java.util.List;

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

@Path("/api/v1/admin/backups")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
@SecurityRequirement(name = "bearer")
@Tag(name = "Sauvegardes", description = "Base backups and point-in-time restore of the embedded database")
public class BackupResource {

    @Schema(description = "A base backup started", requiredProperties = { "id", "startedAt" })
    public record Started(String id, Instant startedAt) {
    }

    private final Backups backups;

    BackupResource(Backups backups) {
        this.backups = backups;
    }

    @POST
    @APIResponse(responseCode = "202", description = "Started", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Started.class)))
    @Operation(operationId = "startBackup", summary = "Take a base backup of the embedded database now", description = "Runs in the background (202); GET lists it, with completedAt once finished. Writes go on meanwhile. "
            + "409 while a backup runs, or when the directory's PostgreSQL is external (backed up with its own tools).")
    public Response start() {
        Backup started = backups.start();
        return Response.accepted(new Started(started.id(), started.startedAt())).location(URI.create("/api/v1/admin/backups"))
                .build();
    }

    @GET
    @Operation(operationId = "listBackups", summary = "The base backups kept, newest first", description = "Each can be restored, the directory stopped, to any instant between restorableFrom and restorableUntil: "
            + "java -jar quarkus-run.jar restore <id> [--until <instant>]. Empty when the directory's PostgreSQL is external.")
    public List<Backup> list() {
        return backups.list();
    }
}
