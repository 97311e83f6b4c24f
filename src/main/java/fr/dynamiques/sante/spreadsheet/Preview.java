package fr.dynamiques.sante.spreadsheet;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.dynamiques.sante.audit.AuditEntry;
import fr.dynamiques.sante.problem.Problem.FieldError;
import fr.dynamiques.sante.territory.PlaceReader;

/** A listing as the directory reads it, before anything is written (shared/API.md, "Imports from spreadsheets"). */
@Schema(name = "ImportDraft")
public record Preview(UUID id, @Schema(examples = "Listing CPTS.xlsx") String file, @Schema(examples = "xlsx") String format,
        @Schema(examples = "CPTS") String sheet, List<String> sheets,
        @Schema(enumeration = {
                "DRAFT", "COMMITTED", "UNDONE" }) String status,
        @Schema(nullable = true, examples = "CPTS") String kind,
        List<Column> columns, Summary summary, List<Row> rows, Instant createdAt, Instant expiresAt,
        @Schema(nullable = true) Instant committedAt, @Schema(nullable = true) Instant undoneAt){

    public static final String CREATE = "create";
    public static final String UPDATE = "update";
    public static final String UNCHANGED = "unchanged";
    public static final String NEEDS_CHOICE = "needsChoice";
    public static final String ERROR = "error";
    public static final String SKIPPED = "skipped";

    @Schema(name = "ImportColumn")
    public record Column(int index, String header, @Schema(nullable = true, examples = "territory") String field) {
    }

    @Schema(name = "ImportSummary")
    public record Summary(int rows, int create, int update, int unchanged, int needsChoice, int error, int skipped) {
    }

    @Schema(name = "ImportRow")
    public record Row(@Schema(description = "The row's number in the spreadsheet", examples = "7") int row,
            @Schema(nullable = true) String name, @Schema(nullable = true) String kind,
            @Schema(enumeration = {
                    CREATE, UPDATE, UNCHANGED, NEEDS_CHOICE, ERROR, SKIPPED }) String action,
            @Schema(nullable = true) Match match, @Schema(nullable = true) Perimeter perimeter,
            List<PlaceReader.Reading> territory, List<AuditEntry.FieldChange> changes, List<FieldError> errors,
            List<String> warnings){
    }

    @Schema(name = "ImportMatch", description = "The record of the registry the row updates, and how it was found")
    public record Match(long id, String ref, String name, @Schema(enumeration = {
            "ref", "name", "perimeter" }) String how){
    }

    @Schema(name = "ImportPerimeter")
    public record Perimeter(List<String> communes, List<String> epcis, List<String> departments, List<String> arrondissements,
            long population, int communeCount) {
    }
}
