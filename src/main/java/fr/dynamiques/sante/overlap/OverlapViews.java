package fr.dynamiques.sante.overlap;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dynamiques.sante.territory.TerritoryViews;

/** The JSON shapes of overlaps, territory stacks, the overlap matrix, coverage and white zones (shared/API.md). */
public final class OverlapViews {

    private OverlapViews() {
    }

    @Schema(description = "A scheme, in short", requiredProperties = { "id", "name", "kind" })
    public record SchemeRef(@Schema(examples = "42") long id, @Schema(examples = "ars-ara-cpts-0007") String ref,
            @Schema(examples = "CPTS Sud-Est Grenoblois") String name,
            @Schema(examples = "CPTS") String kind, @Schema(examples = "ACTIVE") String status) {
    }

    @Schema(description = "Another scheme sharing communes with this one", requiredProperties = { "scheme", "sharedCommunes",
            "sharedPopulation", "shareOfThis", "shareOfOther" })
    public record OverlapRow(SchemeRef scheme,
            @Schema(description = "Communes both cover", examples = "1") int sharedCommunes,
            @Schema(description = "Population of those communes", examples = "37926") long sharedPopulation,
            @Schema(description = "Shared population over this scheme's population, 0 to 1 (communes "
                    + "when it has no population)", examples = "1.0") double shareOfThis,
            @Schema(description = "Shared population over the other scheme's population, 0 to 1", examples = "0.4637") double shareOfOther) {
    }

    @Schema(description = "A scheme covering (part of) a territory")
    public record CoveringScheme(SchemeRef scheme,
            @Schema(description = "Communes of the territory it covers", examples = "49") int coveredCommunes,
            @Schema(description = "Their population", examples = "445516") long coveredPopulation,
            @Schema(description = "Share of the territory's population it covers, 0 to 1", examples = "1.0") double share,
            @Schema(description = "True when it covers every commune of the territory") boolean whole) {
    }

    @Schema(description = "The schemes of one kind on a territory")
    public record KindGroup(@Schema(examples = "CLS") String kind, @Schema(examples = "Contrat local de santé") String label,
            List<CoveringScheme> schemes) {
    }

    @Schema(description = "Every scheme covering (part of) a territory, grouped by kind")
    public record TerritoryStack(Area territory, @Schema(examples = "[\"ACTIVE\", \"RENEWAL\"]") List<String> statuses,
            @Schema(examples = "5") int total, List<KindGroup> kinds) {
    }

    @Schema(description = "Overlapping pairs between two kinds (kindA <= kindB; equal kinds: pairs of the same kind)")
    public record MatrixCell(@Schema(examples = "CLS") String kindA, @Schema(examples = "CPTS") String kindB,
            @Schema(description = "Pairs of schemes sharing at least one commune of the territory", examples = "14") long pairs,
            @Schema(description = "Population of the shared communes, summed over the pairs", examples = "812345") long sharedPopulation) {
    }

    @Schema(description = "Kind x kind overlaps on a territory")
    public record OverlapMatrix(Area territory, List<String> statuses,
            @Schema(description = "The kinds of the registry, in code order") List<String> kinds,
            @Schema(description = "The pairs of kinds that overlap; others have none") List<MatrixCell> cells) {
    }

    @Schema(description = "Coverage of a territory by one kind")
    public record KindCoverage(@Schema(examples = "CPTS") String kind, @Schema(examples = "812345") long coveredPopulation,
            @Schema(examples = "0.63") double coverageRatio, @Schema(examples = "9") int schemeCount) {
    }

    @Schema(description = "How much of a territory's population the schemes cover (each commune counted once)", requiredProperties = {
            "code", "name", "population", "coveredPopulation", "coverageRatio", "schemeCount", "complete" })
    public record CoverageRow(@Schema(examples = "38") String code, @Schema(examples = "Isère") String name,
            @Schema(examples = "1290000") long population,
            @Schema(description = "Population of the communes at least one of the schemes covers", examples = "945000") long coveredPopulation,
            @Schema(examples = "0.7326") double coverageRatio,
            @Schema(description = "Schemes covering at least one of its communes", examples = "31") int schemeCount,
            @Schema(description = "The same, kind by kind") List<KindCoverage> kinds,
            @Schema(description = COMPLETE) boolean complete,
            @Schema(description = UNKNOWN_START, examples = "2") @JsonInclude(JsonInclude.Include.NON_NULL) Integer unknownStart) {
    }

    @Schema(description = "A commune no scheme covers (or, in Paris, Lyon and Marseille, a municipal arrondissement)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UncoveredCommune(@Schema(examples = "38001") String code,
            @Schema(examples = "Les Abrets en Dauphiné") String name,
            @Schema(examples = "6421") long population,
            @Schema(description = "For a municipal arrondissement, the INSEE code of its commune (75056 for "
                    + "Paris 18e); absent for a commune", examples = "75056") String commune,
            @Schema(description = "Its département") TerritoryViews.Ref department,
            @Schema(description = "Its EPCI; absent for the few communes in none") TerritoryViews.EpciRef epci) {
    }

    @Schema(description = "The communes of one or more territories that no scheme of the chosen kinds covers")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WhiteZones(
            @Schema(description = "The territory asked for; absent when several départements are") Area territory,
            @Schema(description = "Every territory asked for (several départements, or one territory)") List<Area> territories,
            @Schema(examples = "[\"CPTS\"]") List<String> kinds,
            @Schema(description = "The statuses counted; absent with at=, where the dates decide") List<String> statuses,
            @Schema(description = "The day asked for (at=): the white zones as they stood then; absent for today's", examples = "2020-01-01") LocalDate at,
            @Schema(description = "Their total population", examples = "52340") long population,
            @Schema(description = "Communes with a place no scheme covers: Paris, Lyon and Marseille count once each, "
                    + "however many of their arrondissements are listed", examples = "37") int communeCount,
            @Schema(description = "How many of the places listed are municipal arrondissements (Paris, Lyon, "
                    + "Marseille)", examples = "0") int arrondissementCount,
            @Schema(description = "Most populated first") List<UncoveredCommune> communes,
            @Schema(description = COMPLETE) boolean complete,
            @JsonIgnore @Schema(hidden = true) int placeCount,
            @Schema(description = UNKNOWN_START, examples = "2") Integer unknownStart) {
    }

    @Schema(description = "The coverage of a territory on 1 January of a year, as GET /api/v1/coverage?at= gives it that day", requiredProperties = {
            "date", "population", "coveredPopulation", "coverageRatio", "schemeCount", "unknownStart" })
    public record HistoryRow(@Schema(examples = "2020-01-01") LocalDate date, @Schema(examples = "8100000") long population,
            @Schema(description = "Population of the places at least one of the schemes covered that day (each place once)", examples = "2450000") long coveredPopulation,
            @Schema(examples = "0.3025") double coverageRatio,
            @Schema(description = "Schemes at work that day covering at least one of its places", examples = "57") int schemeCount,
            @Schema(description = UNKNOWN_START, examples = "3") int unknownStart) {
    }

    static final String UNKNOWN_START = "Only with at= (and in the history): the schemes that would count but whose start date is unknown "
            + "(neither given nor inferred from the end of the previous generation), left out of the figures";

    @Schema(description = "The CPTS at work on a territory by maturity stage, the DGOS atlas's classes drawn down to the commune: each "
            + "commune takes the most advanced stage among the CPTS at work (ACTIVE, RENEWAL) covering it, null (stage not recorded) "
            + "when none of them records one", requiredProperties = { "population", "stages", "uncovered", "complete" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageCoverage(@Schema(description = "The territory asked for; absent for France") Area territory,
            @Schema(description = "The territory's population", examples = "1290000") long population,
            @Schema(description = "One row per class, most advanced first: ACI_SIGNED, HEALTH_PROJECT_VALIDATED, "
                    + "LETTER_OF_INTENT, EMERGENCE, then null (covered, stage not recorded); every class always listed") List<StageRow> stages,
            @Schema(description = "The communes no CPTS at work covers") Uncovered uncovered,
            @Schema(description = COMPLETE) boolean complete,
            @Schema(description = "For France or a région: each of its départements, with the same figures "
                    + "(without communes); absent otherwise") List<StageCoverage> departments,
            @Schema(description = "For a département, an EPCI or a commune: each commune a CPTS at work covers, "
                    + "with its class (a commune not listed is not covered); absent for a région or France, whose "
                    + "communes are listed département by département") List<PlaceStage> communes) {

        /** The same without its communes, as a région's or France's answer gives it. */
        public StageCoverage withoutCommunes() {
            return new StageCoverage(territory, population, stages, uncovered, complete, departments, null);
        }
    }

    @Schema(description = "One class of the CPTS map on a territory", requiredProperties = { "stage", "communes", "population",
            "ratio", "schemeCount" })
    public record StageRow(
            @Schema(description = "ACI_SIGNED, HEALTH_PROJECT_VALIDATED, LETTER_OF_INTENT, EMERGENCE; null: covered by "
                    + "CPTS none of which records its stage", nullable = true, examples = "ACI_SIGNED") @JsonInclude(JsonInclude.Include.ALWAYS) String stage,
            @Schema(description = "Communes in this class (each arrondissement of Paris, Lyon and Marseille counts as one)", examples = "212") int communes,
            @Schema(description = "Their population", examples = "612000") long population,
            @Schema(description = "Their share of the territory's population, 0 to 1", examples = "0.4744") double ratio,
            @Schema(description = "CPTS at work of this stage covering at least one commune of the territory (a CPTS "
                    + "counts under its own stage, even where a more advanced one covers the same communes)", examples = "7") int schemeCount) {
    }

    @Schema(description = "The communes of a territory no CPTS at work covers", requiredProperties = { "communes", "population",
            "ratio" })
    public record Uncovered(@Schema(examples = "300") int communes, @Schema(examples = "178000") long population,
            @Schema(examples = "0.138") double ratio) {
    }

    @Schema(description = "A commune and the class it takes on the CPTS map", requiredProperties = { "code", "stage" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PlaceStage(@Schema(examples = "38185") String code,
            @Schema(description = "Its class; null: covered, no CPTS covering it records its stage", nullable = true, examples = "ACI_SIGNED") @JsonInclude(JsonInclude.Include.ALWAYS) String stage,
            @Schema(description = "For a municipal arrondissement, the INSEE code of its commune; absent for a commune", examples = "75056") String commune) {
    }

    static final String COMPLETE = "True only when every région the figure spans is declared complete (GET /api/v1/completeness) for "
            + "every kind counted; otherwise the figure counts only the schemes entered in the registry (a partial registry)";

    /** part / whole, 0 when whole is 0, to four decimals. */
    static double ratio(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    /** Two schemes sharing communes of a territory (the territory pages name them). */
    public record OverlapPair(SchemeRef first, SchemeRef second, int sharedCommunes, long sharedPopulation) {
    }

    /** The pairs of schemes overlapping in a territory, the largest shared population first, and how many in all. */
    public record OverlapPairs(int total, List<OverlapPair> pairs) {
    }
}
