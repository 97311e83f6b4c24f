package fr.dynamiques.sante.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * The conventions every operation of the API follows, written once into its OpenAPI document rather than on each
 * method: errors as RFC 9457 problem details (400 always, since an unknown query parameter is one; 401 and 403 where
 * a token is needed; 404 on a path with an id or a code; 409 and 412 where writes can conflict; 503 when a service
 * the directory relies on is down), 304 and validators on the public reads that have them, ids typed as integers,
 * examples of list parameters written as lists, every tag declared.
 */
public class ApiDocument implements OASFilter {

    static final String PROBLEM_TYPE = "application/problem+json";

    /**
     * Public reads answered without validators: search follows the registry a moment behind (Cached.INDEX); kinds and
     * the change feed and the ARS are read as they are.
     */
    private static final Set<String> UNVALIDATED = Set.of("searchSchemes", "suggest", "listKinds", "listSchemeChanges",
            "listAgencies",
            "getAgency");

    /**
     * Operations that may answer 404 without an id in their path, 409 (a conflicting state), 412 (a stale If-Match), 413
     * (a body over the limit) or 429 (too many in a while), beyond the common errors.
     */
    private static final Map<String, List<String>> EXTRA_ERRORS = Map.ofEntries(
            Map.entry("getMyCoordinatorData", List.of("404")),
            Map.entry("createScheme", List.of("409")), Map.entry("updateScheme", List.of("409", "412")),
            Map.entry("deleteScheme", List.of("409", "412")), Map.entry("importSchemes", List.of("409", "413", "429")),
            Map.entry("approveChange", List.of("409")), Map.entry("rejectChange", List.of("409")),
            Map.entry("createUser", List.of("409")),
            Map.entry("putKind", List.of("409")), Map.entry("startReindex", List.of("409")),
            Map.entry("changeAgency", List.of("409")));

    private static final Map<String, String> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", "The request is not valid: a malformed value, an unknown query parameter, an invalid body; "
                + "errors[] names each field at fault");
        ERRORS.put("401", "No bearer token, or one that is unknown, revoked or expired (WWW-Authenticate: Bearer, "
                + "error=\"invalid_token\" for the latter)");
        ERRORS.put("403", "The token's role or scope does not allow this");
        ERRORS.put("404", "Nothing has this id or code");
        ERRORS.put("409", "The change conflicts with the registry's state (the detail says which); nothing was written");
        ERRORS.put("412",
                "If-Match names a version that is no longer current: read again, reapply, resend; nothing was written");
        ERRORS.put("413", "The body is larger than the limit (10 MB): split it");
        ERRORS.put("429", "Too many such requests from this account lately: retry after Retry-After seconds");
        ERRORS.put("503", "A service the directory relies on (database, search engine) is unavailable, or too many heavy "
                + "figures are being computed; retry after Retry-After seconds");
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema("FieldError", fieldError());
        components.addSchema("Problem", problem());
        ERRORS.forEach((status, description) -> components.addResponse(name(status), OASFactory.createAPIResponse()
                .description(description).content(OASFactory.createContent().addMediaType(PROBLEM_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem"))))));
        components.addResponse("NotModified", OASFactory.createAPIResponse()
                .description("Unchanged since the version named by If-None-Match (or If-Modified-Since): keep yours"));

        // No requirement for the whole API: operations that need a token say so themselves (@SecurityRequirement), every
        // other one says it needs none (an empty list), so that Swagger UI shows a lock on those only. A public read may
        // still be sent with a token (an admin's shows personal data): the bearer scheme's description says so.
        api.setSecurity(null);
        // Audit values are any JSON value: say so, rather than describe Jackson's tree classes.
        if (components.getSchemas() != null) {
            List.copyOf(components.getSchemas().keySet()).stream().filter(name -> name.startsWith("JsonNode"))
                    .forEach(components::removeSchema);
            components.getSchemas().values().forEach(ApiDocument::anyValueForJsonNodes);
        }
        Set<String> tags = new LinkedHashSet<>();
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            conventions(path, method, operation, api);
            if (operation.getTags() != null) {
                tags.addAll(operation.getTags());
            }
        }));
        for (String tag : tags) {
            if (api.getTags() == null || api.getTags().stream().noneMatch(t -> t.getName().equals(tag))) {
                api.addTag(OASFactory.createTag().name(tag));
            }
        }
    }

    private static void conventions(String path, PathItem.HttpMethod method, Operation operation, OpenAPI api) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                && operation.getSecurity().stream().noneMatch(ApiDocument::anonymous);
        if (operation.getSecurity() == null) {
            operation.setSecurity(new ArrayList<>());
        }
        String id = operation.getOperationId();
        responses.addAPIResponse("400", reference("400"));
        if (secured) {
            responses.addAPIResponse("401", reference("401"));
            responses.addAPIResponse("403", reference("403"));
        }
        if (path.contains("{")) {
            responses.addAPIResponse("404", reference("404"));
        }
        EXTRA_ERRORS.getOrDefault(id, List.of()).forEach(status -> responses.addAPIResponse(status, reference(status)));
        responses.addAPIResponse("503", reference("503"));
        if (method == PathItem.HttpMethod.GET && !secured && !UNVALIDATED.contains(id)) {
            responses.addAPIResponse("304", OASFactory.createAPIResponse().ref("NotModified"));
            APIResponse ok = responses.getAPIResponse("200");
            if (ok != null) {
                ok.addHeader("ETag", header("The version of this answer: send it back in If-None-Match"));
                ok.addHeader("Last-Modified", header("When what this answer shows last changed"));
                ok.addHeader("Cache-Control",
                        header("How long caches may keep it (public reads: a minute for the registry, a day "
                                + "for the referential)"));
            }
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(ApiDocument::typed);
        }
    }

    private static void anyValueForJsonNodes(Schema schema) {
        if (schema.getProperties() != null) {
            Map.copyOf(schema.getProperties()).forEach((name, property) -> {
                if (property.getRef() != null && property.getRef().endsWith("/JsonNode")) {
                    schema.addProperty(name, OASFactory.createSchema().description("Any JSON value"));
                }
            });
        }
    }

    private static boolean anonymous(SecurityRequirement requirement) {
        return requirement.getSchemes() == null || requirement.getSchemes().isEmpty();
    }

    /** Ids in paths are whole numbers; examples of list parameters are lists (of strings: codes are strings). */
    private static void typed(Parameter parameter) {
        Schema schema = parameter.getSchema();
        if (parameter.getIn() == Parameter.In.PATH
                && (parameter.getName().equals("id") || parameter.getName().equals("token"))) {
            parameter.setSchema(
                    OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64").minimum(BigDecimal.ONE));
            if (parameter.getExample() != null) {
                parameter.setExample(Long.valueOf(String.valueOf(parameter.getExample())));
            }
        } else if (schema != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY)
                && parameter.getExample() != null && !(parameter.getExample() instanceof List)) {
            // "38,73" is the example of a list: two values ([38, 73]), sent as ?department=38&department=73.
            parameter.setExample(List.of(String.valueOf(parameter.getExample()).split(",")));
        }
    }

    private static Schema fieldError() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("A field the client got wrong")
                .addProperty("row", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .description("In an import: the position of the scheme in the file, from 1"))
                .addProperty("field", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("Its path in the request").addExample("perimeter.communes[2]"))
                .addProperty("message",
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING).addExample("unknown commune code"))
                .addRequired("field").addRequired("message");
    }

    private static Schema problem() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description("An error, as RFC 9457 problem details")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).addExample("about:blank"))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING).addExample("Bad Request"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).addExample(400))
                .addProperty("detail",
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING).addExample("Invalid filter."))
                .addProperty("instance",
                        OASFactory.createSchema().addType(Schema.SchemaType.STRING).addExample("/api/v1/schemes"))
                .addProperty("errors",
                        OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().ref("FieldError")))
                .addRequired("title").addRequired("status");
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static APIResponse reference(String status) {
        return OASFactory.createAPIResponse().ref(name(status));
    }

    private static String name(String status) {
        return switch (status) {
            case "400" -> "BadRequest";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            case "404" -> "NotFound";
            case "409" -> "Conflict";
            case "412" -> "PreconditionFailed";
            case "413" -> "ContentTooLarge";
            case "429" -> "TooManyRequests";
            default -> "Unavailable";
        };
    }
}
