package fr.dynamiques.sante.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.api.Cached;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.problem.ProblemException;
import fr.dynamiques.sante.text.FoldedText;

/** The words of the registry: kinds of scheme and themes, for forms, filters and partners' mappings. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabulaire", description = "Kinds of scheme and themes")
public class VocabularyResource {

    @Schema(description = "A kind of scheme and the kind-specific facts it carries", requiredProperties = { "code", "labelFr",
            "labelEn", "features" })
    public record KindView(@Schema(examples = "CLS") String code, @Schema(examples = "Contrat local de santé") String labelFr,
            @Schema(examples = "Local health contract") String labelEn,
            @Schema(examples = "[\"GENERATIONS\"]") List<String> features) {
    }

    @Schema(description = "A theme and how many schemes name it", requiredProperties = { "label", "schemes" })
    public record ThemeView(@Schema(examples = "santé mentale") String label,
            @Schema(description = "Code in the controlled vocabulary; null for a free tag", examples = "sante-mentale", nullable = true) String code,
            @Schema(examples = "12") long schemes) {
    }

    @Schema(description = "A kind of scheme, as an administrator declares it", requiredProperties = { "labelFr", "labelEn" })
    public record KindBody(@Schema(examples = "Contrat territorial de santé") String labelFr,
            @Schema(examples = "Territorial health contract") String labelEn,
            @Schema(description = "Kind-specific facts its schemes carry", type = SchemaType.ARRAY, implementation = KindFeature.class, examples = "[\"GENERATIONS\"]") List<String> features) {
    }

    private static final Pattern KIND_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");

    private final EntityManager em;

    VocabularyResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Path("/kinds")
    @Transactional
    @Operation(operationId = "listKinds", summary = "Kinds of scheme", description = "Every kind of scheme with its French and English labels and the kind-specific facts its "
            + "schemes carry (generations, CPTS stages, co-carrying hospital, priority neighbourhoods). New "
            + "kinds are data: PUT /kinds/{code}.")
    public List<KindView> kinds() {
        return SchemeKind.listByCode().stream()
                .map(k -> new KindView(k.code, k.labelFr, k.labelEn, List.copyOf(k.features))).toList();
    }

    /** A new kind of scheme is a row: no code, no migration. Existing kinds may be relabelled and gain features. */
    @PUT
    @Path("/kinds/{code}")
    @RolesAllowed("ADMIN")
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KindView.class)))
    @APIResponse(responseCode = "201", description = "Declared", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KindView.class)))
    @Operation(operationId = "putKind", summary = "Declare or relabel a kind of scheme", description = "201 when new, 200 when updated.")
    public Response putKind(@PathParam("code") String code, KindBody body) {
        List<FieldError> errors = new ArrayList<>();
        if (!KIND_CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "2 to 20 capital letters, digits or '_', starting with a letter"));
        }
        if (body == null) {
            throw ProblemException.badRequest("The body must be a kind.", new FieldError("body", "must not be empty"));
        }
        checkLabel(errors, "labelFr", body.labelFr());
        checkLabel(errors, "labelEn", body.labelEn());
        List<String> features = body.features() == null ? List.of() : body.features();
        for (int i = 0; i < features.size(); i++) {
            String feature = features.get(i);
            if (Arrays.stream(KindFeature.values()).noneMatch(f -> f.name().equals(feature))) {
                errors.add(new FieldError("features[" + i + "]", "must be one of " + Arrays.toString(KindFeature.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Invalid kind.", errors);
        }
        SchemeKind kind = SchemeKind.findByCode(code).orElse(null);
        boolean created = kind == null;
        if (!created) {
            List<String> removed = kind.features.stream().filter(f -> !features.contains(f)).toList();
            long schemes = Scheme.count("kind", kind);
            if (!removed.isEmpty() && schemes > 0) {
                // Their schemes may carry those facts: reading and writing them back would then fail.
                throw new ProblemException(409, code + " has " + schemes + " scheme(s): features can be added, not removed "
                        + "(" + String.join(", ", removed) + ").", List.of());
            }
        }
        if (created) {
            kind = new SchemeKind();
            kind.code = code;
        }
        if (!created && !kind.labelFr.equals(body.labelFr().strip())) {
            // Its schemes show the label (kindLabel): they changed too, for their tags and for the change feed.
            Scheme.takeWriteTurn();
            Scheme.update("updatedAt = ?1 where kind = ?2", Scheme.now(), kind);
        }
        kind.labelFr = body.labelFr().strip();
        kind.labelEn = body.labelEn().strip();
        kind.features = new ArrayList<>(new java.util.LinkedHashSet<>(features));
        if (created) {
            kind.persist();
        }
        KindView view = new KindView(kind.code, kind.labelFr, kind.labelEn, List.copyOf(kind.features));
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    private static void checkLabel(List<FieldError> errors, String field, String label) {
        if (label == null || label.isBlank() || label.length() > 200) {
            errors.add(new FieldError(field, "from 1 to 200 characters"));
        }
    }

    @Cached(Cached.Validator.REGISTRY)
    @GET
    @Path("/themes")
    @Transactional
    @Operation(operationId = "listThemes", summary = "Themes: the controlled vocabulary, then the free tags schemes use, with their counts", description = "The controlled vocabulary first (label, code, how many schemes name it), then the free tags "
            + "schemes use, with their counts. A theme filter matches case and accents aside.")
    public List<ThemeView> themes() {
        Map<String, Long> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t, count(*) from scheme s, unnest(s.themes) t group by t")
                .getResultList();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        Map<String, ThemeView> vocabulary = new TreeMap<>();
        Theme.listByLabel().forEach(
                t -> vocabulary.put(FoldedText.of(t.label), new ThemeView(t.label, t.code, counts.getOrDefault(t.label, 0L))));
        Set<String> controlled = Set.copyOf(vocabulary.keySet());
        Map<String, ThemeView> tags = new TreeMap<>();
        counts.forEach((label, count) -> {
            if (!controlled.contains(FoldedText.of(label))) {
                tags.put(FoldedText.of(label) + label, new ThemeView(label, null, count));
            }
        });
        return java.util.stream.Stream.concat(vocabulary.values().stream(), tags.values().stream()).toList();
    }
}
