package fr.dynamiques.sante.registry;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.account.CurrentCaller;
import fr.dynamiques.sante.organisation.Organisation;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * The ARS of each région (agences régionales de santé), whom the pages name where nothing covers a commune: seeded from
 * data/ars/ars.csv, corrected by an admin. Each is the organisation schemes name as partner or funder.
 */
@Path("/api/v1/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ARS", description = "The regional health agencies, whom to call where no scheme works")
public class AgencyResource {

    @Schema(name = "Agency", description = "The ARS of a région and its public contacts", requiredProperties = { "region",
            "regionName", "id", "name" })
    public record AgencyView(@Schema(examples = "84") String region,
            @Schema(examples = "Auvergne-Rhône-Alpes") String regionName,
            @Schema(description = "The organisation's id, as schemes name it", examples = "7") long id,
            @Schema(examples = "ARS Auvergne-Rhône-Alpes") String name,
            @Schema(nullable = true, examples = "https://www.auvergne-rhone-alpes.ars.sante.fr") String website,
            @Schema(nullable = true, examples = "accueil@example.org") String email,
            @Schema(nullable = true, examples = "04 00 00 00 00") String phone,
            @Schema(nullable = true, examples = "1 rue Exemple, 69000 Lyon") String address) {
    }

    private final CurrentCaller callers;
    private final SchemeWrites writes;
    private final CogSnapshot cog;

    AgencyResource(CurrentCaller callers, SchemeWrites writes, CogSnapshot cog) {
        this.callers = callers;
        this.writes = writes;
        this.cog = cog;
    }

    @GET
    @Transactional
    @Operation(operationId = "listAgencies", summary = "The ARS of every région", description = "One per région that has one (the overseas collectivities have none), by région code, with the "
            + "public contacts the pages show.")
    public List<AgencyView> list() {
        return Organisation.agencies().stream().map(this::view).toList();
    }

    @GET
    @Path("/{region}")
    @Transactional
    @Operation(operationId = "getAgency", summary = "The ARS of a région", description = "The région by its COG code (\"84\"); 404 for a région without an ARS.")
    public AgencyView get(@PathParam("region") String region) {
        return view(Organisation.agencyOf(region)
                .orElseThrow(() -> ProblemException.notFound("No ARS is recorded for région " + region + ".")));
    }

    @PUT
    @Path("/{region}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ADMIN")
    @SecurityRequirement(name = "bearer")
    @Transactional
    @Operation(operationId = "changeAgency", summary = "Correct the name and public contacts of a région's ARS (admins)", description = "Replaces the name and the public contacts (a contact left out is removed). The pages follow at "
            + "once, and every scheme naming that ARS shows the change and records it in its trail. 409 when another "
            + "organisation has that name.")
    public AgencyView change(@PathParam("region") String region, SchemeWrites.AgencyChange body) {
        return view(writes.changeAgency(callers.require(), region, body));
    }

    private AgencyView view(Organisation o) {
        return new AgencyView(o.agencyRegion, cog.regionName(o.agencyRegion), o.id, o.name, o.website, o.email, o.phone,
                o.address);
    }
}
