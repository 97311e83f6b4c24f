package fr.dynamiques.sante.registry;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.CurrentCaller;
import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.scheme.Scheme;

/**
 * A coordinator's rights over their personal data (GDPR): see it, withdraw consent (contact hidden at once), be erased
 * (gone from every scheme; the schemes' audit trail keeps only an anonymous person id). The person is the account with
 * the same email; an admin may act for them.
 */
@Path("/api/v1/coordinators")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@SecurityRequirement(name = "bearer")
@Tag(name = "Coordinateurs", description = "Personal data of coordinators")
public class CoordinatorResource {

    @Schema(description = "A person coordinating schemes, and their consent per scheme", requiredProperties = { "id",
            "schemes" })
    public record PersonView(long id, String firstName, String lastName, String email, List<Coordinates> schemes) {
    }

    @Schema(description = "A person's name, as they want it shown", requiredProperties = { "firstName", "lastName" })
    public record Name(@Schema(examples = "Camille") String firstName, @Schema(examples = "Exemple") String lastName) {
    }

    @Schema(description = "One scheme the person coordinates", requiredProperties = { "schemeId", "schemeName",
            "publicContact" })
    public record Coordinates(long schemeId, String schemeName, boolean publicContact) {
    }

    private final CurrentCaller callers;
    private final SchemeWrites writes;
    private final SchemeAccess access;

    CoordinatorResource(CurrentCaller callers, SchemeWrites writes, SchemeAccess access) {
        this.callers = callers;
        this.writes = writes;
        this.access = access;
    }

    @GET
    @Path("/me")
    @Transactional
    @Operation(operationId = "getMyCoordinatorData", summary = "Your own data as a coordinator (the person whose email is your account's)", description = "The person whose email is the caller's account's: their name, email and, for each scheme "
            + "they coordinate, whether their contact is published. 404 when the email coordinates no scheme.")
    public PersonView me() {
        Caller caller = callers.require();
        Person person = caller.email() == null ? null : Person.findByEmail(caller.email()).orElse(null);
        if (person == null) {
            throw ProblemException.notFound("Your account's email coordinates no scheme.");
        }
        return get(String.valueOf(person.id));
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(operationId = "getCoordinator", summary = "A coordinator's data (the person, or an admin)", description = "Name, email and the schemes the person coordinates, with the consent given on each. To the "
            + "person (the account with the same email) or an admin; anyone else gets 403, whether the id "
            + "exists or not.")
    public PersonView get(@PathParam("id") String id) {
        Person person = theirs(id, callers.require());
        return new PersonView(person.id, person.firstName, person.lastName, person.email, Scheme.coordinatedBy(person).stream()
                .map(s -> new Coordinates(s.id, s.name, s.coordinators.stream().filter(c -> c.person.id.equals(person.id))
                        .anyMatch(c -> c.publicContact)))
                .toList());
    }

    @PUT
    @Path("/{id}")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renameCoordinator", summary = "Correct a coordinator's name (the person, or an admin)", description = "The name changes on every scheme the person coordinates, each of which records the change in its "
            + "trail (by person id: the trail holds no name). Scheme writes cannot rename a person who also coordinates "
            + "schemes outside the writer's scope.")
    public PersonView rename(@PathParam("id") String id, Name body) {
        Caller caller = callers.require();
        Person person = theirs(id, caller);
        writes.rename(caller, person, body == null ? null : body.firstName(), body == null ? null : body.lastName());
        return get(id);
    }

    @DELETE
    @Path("/{id}/consent")
    @Transactional
    @APIResponse(responseCode = "204", description = "Withdrawn on every scheme")
    @Operation(operationId = "withdrawConsent", summary = "Withdraw consent to publication on every scheme (the person, or an admin)", description = "Name, email and phone disappear from public answers, pages and search at once.")
    public Response withdraw(@PathParam("id") String id) {
        Caller caller = callers.require();
        Person person = theirs(id, caller);
        writes.withdrawConsent(caller, person);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @APIResponse(responseCode = "204", description = "Erased")
    @Operation(operationId = "eraseCoordinator", summary = "Erase a coordinator (the person, or an admin)", description = "The person leaves every scheme and is deleted; the audit trail keeps an anonymous id only.")
    public Response erase(@PathParam("id") String id) {
        Caller caller = callers.require();
        Person person = theirs(id, caller);
        writes.erase(caller, person);
        return Response.noContent().build();
    }

    /** The person, who must be the caller (same email as the caller's account) unless the caller is an admin. */
    private Person theirs(String id, Caller caller) {
        if (!id.matches("\\d{1,18}")) {
            throw ProblemException.badRequest("Malformed coordinator id.", new FieldError("id", "a positive whole number"));
        }
        Person person = Person.findById(Long.parseLong(id));
        // Same answer for an unknown id and someone else's: ids are not a way to find out who coordinates.
        access.mayActOnPerson(caller, person);
        if (person == null) {
            throw ProblemException.notFound("No coordinator " + id + ".");
        }
        return person;
    }
}
