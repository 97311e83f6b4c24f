package fr.dynamiques.sante.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.Role;
import fr.dynamiques.sante.organisation.OrganisationType;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.registry.SchemeAccess;
import fr.dynamiques.sante.registry.SchemeWrites;
import fr.dynamiques.sante.scheme.CptsStage;
import fr.dynamiques.sante.scheme.KindFeature;
import fr.dynamiques.sante.scheme.ProjectStep;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeKind;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.scheme.SchemeValidator;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.PlaceReader;

/**
 * A scheme created or edited on a page, every field the API takes: the form is read into the API's document and goes
 * through the one write path ({@link SchemeWrites}), so the page can do no more and no less than the API. Admins and ARS
 * officers publish; a coordinator's edit, or new scheme, is a proposal. Nothing is written until the person saves: "Mettre à
 * jour"
 * reads the perimeter and redraws its map on the server, the "add a row" buttons give a blank row, all without
 * JavaScript. A form opened on an older version of the scheme writes nothing (409, the page says so).
 */
@Path("/espace/dispositifs")
@Produces(MediaType.TEXT_HTML)
public class EditPage {

    /** What the form is for: a new scheme (no id), or one of the registry at this revision. */
    public record Subject(Long id, String name, String version, boolean proposes) {
    }

    /** The kind-specific boxes the kind chosen has. */
    public record Features(boolean generations, boolean cptsStages, boolean hospital, boolean neighbourhoods) {
        static Features of(SchemeKind kind) {
            return kind == null ? new Features(false, false, false, false)
                    : new Features(kind.has(KindFeature.GENERATIONS),
                            kind.has(KindFeature.CPTS_STAGES), kind.has(KindFeature.CO_CARRYING_HOSPITAL),
                            kind.has(KindFeature.PRIORITY_NEIGHBOURHOODS));
        }
    }

    /** The lists the form's selects offer. */
    public record Options(List<SchemeKind> kinds, List<String> statuses, List<String> organisationTypes, List<String> roles,
            List<String> cptsStages, List<String> projectSteps, List<String> scores) {
    }

    /** The perimeter as read: its size and its map, drawn on the server. */
    public record Figures(int communes, long population, CommuneMap map) {
    }

    /**
     * The edit page: what it is for, the form as typed, the boxes the kind has, what the selects offer, the perimeter's
     * figures (null: none read yet), whether the person asked to save (the mistakes then refused it).
     */
    public record EditView(Subject subject, SchemeForm form, Features features, Options options, Figures figures,
            boolean saving) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(EditView view);

        static native TemplateInstance changed(long schemeId);
    }

    private final Visitor visitor;
    private final SchemeWrites writes;
    private final SchemeAccess access;
    private final SchemeValidator validator;
    private final PlaceReader places;
    private final CommuneMaps maps;
    private final CogSnapshot cog;
    private final ObjectMapper json;

    EditPage(Visitor visitor, SchemeWrites writes, SchemeAccess access, SchemeValidator validator, PlaceReader places,
            CommuneMaps maps,
            CogSnapshot cog, ObjectMapper json) {
        this.visitor = visitor;
        this.writes = writes;
        this.access = access;
        this.validator = validator;
        this.places = places;
        this.maps = maps;
        this.cog = cog;
        this.json = json;
    }

    @GET
    @Path("/nouveau")
    @Transactional
    public Response newForm(@QueryParam("type") String kind) {
        Caller caller = creator();
        SchemeForm form = SchemeForm.empty(kind != null && SchemeKind.byCode().containsKey(kind) ? kind : null)
                .withBlankRows(null);
        return page(200, new Subject(null, null, null, access.proposesCreation(caller)), form, null, false);
    }

    @POST
    @Path("/nouveau")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> params) {
        Caller caller = creator();
        return submit(caller, new Subject(null, null, null, access.proposesCreation(caller)), params);
    }

    @GET
    @Path("/{id}/modifier")
    @Transactional
    public Response editForm(@PathParam("id") String id) {
        Caller caller = caller();
        Scheme scheme = Scheme.findExisting(id);
        if (!access.answersFor(caller, scheme)) {
            throw new ProblemException(403, "You do not answer for this scheme.", List.of());
        }
        // Coordinators who did not consent reach the form as an id only: their data never travels through the page.
        SchemeDocument doc = SchemeDocument.of(scheme, cog, caller.isAdmin(), null);
        Subject subject = new Subject(scheme.id, scheme.name, String.valueOf(Scheme.revisionOf(scheme.id)),
                access.proposes(caller, scheme));
        SchemeForm form = SchemeForm.of(doc).withPlaces(readings(declared(doc.perimeter()), Map.of())).withBlankRows(null);
        return page(200, subject, form, doc.perimeter().places(cog), false);
    }

    @POST
    @Path("/{id}/modifier")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") String id, MultivaluedMap<String, String> params) {
        Caller caller = caller();
        Subject subject = subject(caller, id, params.getFirst("version"));
        return submit(caller, subject, params);
    }

    /** The person answering for the scheme confirms it is still accurate as published. */
    @POST
    @Path("/{id}/verifie")
    @Transactional
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") String id) {
        writes.confirm(caller(), Scheme.findExisting(id));
        return Response.seeOther(URI.create("/espace?fait=verifie")).build();
    }

    /**
     * The form sent: saved when the person asked so and nothing waits (a place to choose, a mistake), else shown again
     * with the perimeter read, its map, a blank row where one was asked for, and the mistakes next to their boxes.
     * Not one transaction: the write is its own ({@link SchemeWrites}), so that its refusal leaves the page to say why.
     */
    private Response submit(Caller caller, Subject subject, MultivaluedMap<String, String> params) {
        String action = Optional.ofNullable(params.getFirst("action")).orElse("");
        SchemeForm form = SchemeForm.read(params);
        String text = Optional.ofNullable(form.basics().placesText()).orElse("") + "\n"
                + Optional.ofNullable(params.getFirst("place")).orElse("");
        form = form.withPlaces(readings(text, choices(params)));
        SchemeForm.Built built = form.build(json, SchemeKind.byCode(),
                subject.id() == null ? ref -> Scheme.findByRef(ref).isPresent() : null);
        if (!action.equals("enregistrer")) {
            String more = action.startsWith("ajouter-") ? action.substring("ajouter-".length()) : null;
            return page(200, subject,
                    form.withMistakes(built.mistakes(), built.boxOfPath(), visitor.locale()).withBlankRows(more),
                    built.document().perimeter().places(cog), false);
        }
        List<FieldError> mistakes = mistakes(subject, form, built);
        if (!mistakes.isEmpty()) {
            return refused(400, subject, form, built, mistakes);
        }
        try {
            return write(caller, subject, built.document());
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                throw e;
            }
            List<FieldError> refused = e.errors().isEmpty() ? List.of(new FieldError("", e.getMessage()))
                    : e.errors().stream().map(f -> new FieldError(f.field(), f.message())).toList();
            return refused(e.status(), subject, form, built, refused);
        }
    }

    /**
     * What keeps the form from being saved: the mistakes of reading it, a place waiting for a choice, and then (only if
     * there is one already) the registry's own checks of what could be read, so that every mistake shows at once.
     */
    private List<FieldError> mistakes(Subject subject, SchemeForm form, SchemeForm.Built built) {
        List<FieldError> mistakes = new ArrayList<>(built.mistakes());
        boolean waiting = form.waitsForChoice();
        if (waiting) {
            mistakes.add(new FieldError("places", "waits for a choice"));
        }
        if (!mistakes.isEmpty()) {
            Map<Integer, Scheme> target = subject.id() == null ? Map.of()
                    : Map.of(0, Scheme.findExisting(String.valueOf(subject.id())));
            mistakes.addAll(validator.checkAll(List.of(built.document()), target).stream()
                    .filter(e -> !waiting || !e.field().startsWith("perimeter"))
                    .map(e -> new FieldError(e.field(), e.message())).toList());
        }
        return mistakes;
    }

    /** The document written through the one write path: created, proposed or published, and where the person goes next. */
    private Response write(Caller caller, Subject subject, SchemeDocument document) {
        if (subject.id() == null && subject.proposes()) {
            writes.proposeCreation(caller, document);
            return Response.seeOther(URI.create("/espace?fait=propose")).build();
        }
        if (subject.id() == null) {
            Scheme created = writes.create(caller, document);
            return Response.seeOther(URI.create("/dispositifs/" + created.id)).build();
        }
        return switch (writes.edit(caller, subject.id(), subject.version(), document)) {
            case PUBLISHED -> Response.seeOther(URI.create("/espace?fait=publie")).build();
            case PROPOSED -> Response.seeOther(URI.create("/espace?fait=propose")).build();
            // Changed since the form was opened: say so; nothing was written (the form would overwrite what was published).
            case CHANGED_SINCE_READ -> visitor.answer(409, Templates.changed(subject.id())).build();
        };
    }

    private Response refused(int status, Subject subject, SchemeForm form, SchemeForm.Built built, List<FieldError> mistakes) {
        return page(status, subject, form.withMistakes(mistakes, built.boxOfPath(), visitor.locale()).withBlankRows(null),
                built.document().perimeter().places(cog), true);
    }

    private Response page(int status, Subject subject, SchemeForm form, Set<String> perimeter, boolean saving) {
        Map<String, SchemeKind> kinds = SchemeKind.byCode();
        Features features = Features.of(form.basics().kind() == null ? null : kinds.get(form.basics().kind()));
        Options options = new Options(SchemeKind.listByCode(), names(SchemeStatus.values()), names(OrganisationType.values()),
                SchemeForm.ROLES, names(CptsStage.values()), names(ProjectStep.values()), List.of("0", "1", "2", "3"));
        Figures figures = perimeter == null || perimeter.isEmpty() ? null
                : new Figures(cog.communesOf(perimeter).size(), cog.population(perimeter),
                        maps.perimeter(perimeter, List.of()));
        return visitor.answer(status, Templates.form(new EditView(subject, form, features, options, figures, saving))).build();
    }

    /** The perimeter's text read place by place, with the person's choices for names that were not one territory. */
    private List<PlaceReader.Reading> readings(String text, Map<String, String> chosen) {
        List<PlaceReader.Reading> read = new ArrayList<>();
        for (String given : places.split(text, "territory", null)) {
            String code = chosen.get(given);
            PlaceReader.Reading reading = code == null ? places.read(given, "territory", null)
                    : code.isEmpty() ? PlaceReader.Reading.leftOut(given)
                            : Optional.ofNullable(places.chosen(given, code))
                                    .orElseGet(() -> places.read(given, "territory", null));
            if (!reading.isLeftOut() && read.stream().noneMatch(r -> r.code() != null && r.code().equals(reading.code())
                    && r.level().equals(reading.level()))) {
                read.add(reading);
            }
        }
        return read;
    }

    /** The perimeter as the record declares it, as the box shows it: one code per line. */
    private static String declared(SchemeDocument.Perimeter perimeter) {
        List<String> codes = new ArrayList<>();
        codes.addAll(perimeter.departmentsOrEmpty());
        codes.addAll(perimeter.epcisOrEmpty());
        codes.addAll(perimeter.communesOrEmpty());
        codes.addAll(perimeter.arrondissementsOrEmpty());
        return String.join("\n", codes);
    }

    /** The choices made for names of the perimeter: {@code choix-N} the code ("" leaves it out), {@code pour-N} the name. */
    private static Map<String, String> choices(MultivaluedMap<String, String> params) {
        Map<String, String> chosen = new HashMap<>();
        params.forEach((key, values) -> {
            if (key.matches("choix-\\d{1,4}") && !values.isEmpty() && values.get(0) != null) {
                String given = params.getFirst("pour-" + key.substring("choix-".length()));
                if (given != null) {
                    chosen.put(given.strip(), values.get(0).equals("-") ? "" : values.get(0).strip());
                }
            }
        });
        return chosen;
    }

    private Subject subject(Caller caller, String id, String version) {
        Scheme scheme = Scheme.findExisting(id);
        if (!access.answersFor(caller, scheme)) {
            throw new ProblemException(403, "You do not answer for this scheme.", List.of());
        }
        return new Subject(scheme.id, scheme.name, version, access.proposes(caller, scheme));
    }

    private Caller caller() {
        return visitor.caller().orElseThrow(() -> new ProblemException(403, "Sign in first.", List.of()));
    }

    /**
     * Who brings a new scheme: an admin or an ARS officer creates it (the perimeter must touch their régions: the write
     * checks it), a coordinator proposes it.
     */
    private Caller creator() {
        Caller caller = caller();
        if (!caller.isAdmin() && caller.role() != Role.ARS && !access.proposesCreation(caller)) {
            throw new ProblemException(403, "Only an admin or an ARS officer creates a scheme, and a coordinator proposes one.",
                    List.of());
        }
        return caller;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
