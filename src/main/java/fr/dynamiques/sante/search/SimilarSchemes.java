package fr.dynamiques.sante.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.session.SearchSession;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import fr.dynamiques.sante.scheme.KindFeature;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeStatus;

/**
 * The schemes at work most like a given one, in any région: "who runs a scheme like mine?". Likeness adds up what the
 * registry knows, each part weighing a share of 1 ({@link #THEMES} and so on):
 * <ul>
 * <li>themes: the share of its themes (labels, and the vocabulary's themes they fall under, as the search counts them)
 * the other has too;
 * <li>population, on a log scale: within a factor of 1.25, 2, 4 or 10, each ring adding its part;
 * <li>the same density class ({@code territory.Density}) and the same span over the EPCI;
 * <li>what its kind records: a CPTS's stage and size class, a contract's generation, how many priority neighbourhoods an
 * ASV serves (in classes).
 * </ul>
 * The score is that sum over the parts the scheme itself has (a scheme without themes is not marked down on them for
 * every other), from 0 to 1. The engine ranks every scheme at work of the kinds asked in one request (each part a
 * constant-score clause, so that its weight is exactly its share); the reasons are then read from the schemes found.
 */
@ApplicationScoped
public class SimilarSchemes {

    static final double THEMES = 0.4;
    static final double DENSITY = 0.15;
    static final double EPCI_SPAN = 0.1;
    static final double CPTS_STAGE = 0.05;
    static final double CPTS_SIZE = 0.05;
    static final double GENERATION = 0.1;
    static final double PRIORITY_NEIGHBOURHOODS = 0.1;
    /** Population rings: within this factor of its population, this share; a scheme in the innermost gets them all. */
    static final double[][] POPULATION_RINGS = { { 1.25, 0.06 }, { 2, 0.06 }, { 4, 0.05 }, { 10, 0.03 } };
    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 50;

    @Schema(description = "A scheme like the one asked about, how alike (0 to 1) and why", requiredProperties = { "scheme",
            "score", "reasons" })
    public record Peer(Summary scheme, @Schema(examples = "0.83") double score, List<Reason> reasons) {
    }

    @Schema(description = "The similar scheme, in short", requiredProperties = { "id", "ref", "name", "kind", "status",
            "population" })
    public record Summary(@Schema(examples = "57") long id, @Schema(examples = "ars-bre-cls-0057") String ref,
            @Schema(examples = "Contrat local de santé du Pays de Lamballe") String name,
            @Schema(examples = "CLS") String kind, @Schema(examples = "ACTIVE") String status,
            @Schema(examples = "52000") long population,
            @Schema(enumeration = {
                    "rural", "intermediate", "urban" }, examples = "rural") String density){
    }

    /**
     * One thing both schemes share. {@code type} says which, and which of the other fields it fills: themes
     * ({@code shared}), population ({@code this}, {@code other}), density ({@code class}), epciSpan ({@code span}),
     * cptsStage ({@code stage}), cptsSize ({@code size}), generation ({@code generation}), priorityNeighbourhoods
     * ({@code this}, {@code other}: how many each serves).
     */
    @Schema(description = "One thing both schemes share; type says which fields it fills: themes (shared), population (this, "
            + "other), density (class), epciSpan (span), cptsStage (stage), cptsSize (size), generation (generation), "
            + "priorityNeighbourhoods (this, other)", requiredProperties = { "type" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(@Schema(enumeration = {
            "themes", "population", "density", "epciSpan", "cptsStage", "cptsSize", "generation",
            "priorityNeighbourhoods" }, examples = "themes") String type,
            @Schema(examples = "[\"santé mentale\"]") List<String> shared,
            @JsonProperty("this") @Schema(examples = "45000") Long mine,
            @Schema(examples = "52000") Long other,
            @JsonProperty("class") @Schema(enumeration = { "rural", "intermediate",
                    "urban" }, examples = "rural") String densityClass,
            @Schema(enumeration = { "part", "whole", "several" }, examples = "whole") String span,
            @Schema(examples = "ACI_SIGNED") String stage,
            @Schema(examples = "2") Integer size,
            @Schema(examples = "2") Integer generation){

        static Reason themes(List<String> shared) {
            return new Reason("themes", shared, null, null, null, null, null, null, null);
        }

        static Reason population(long mine, long other) {
            return new Reason("population", null, mine, other, null, null, null, null, null);
        }

        static Reason density(String densityClass) {
            return new Reason("density", null, null, null, densityClass, null, null, null, null);
        }

        static Reason epciSpan(String span) {
            return new Reason("epciSpan", null, null, null, null, span, null, null, null);
        }

        static Reason cptsStage(String stage) {
            return new Reason("cptsStage", null, null, null, null, null, stage, null, null);
        }

        static Reason cptsSize(int size) {
            return new Reason("cptsSize", null, null, null, null, null, null, size, null);
        }

        static Reason generation(int generation) {
            return new Reason("generation", null, null, null, null, null, null, null, generation);
        }

        static Reason priorityNeighbourhoods(long mine, long other) {
            return new Reason("priorityNeighbourhoods", null, mine, other, null, null, null, null, null);
        }
    }

    private final SearchSession session;

    SimilarSchemes(SearchSession session) {
        this.session = session;
    }

    /** The {@code size} schemes at work of these kinds most like this one, most alike first; itself left out. */
    public List<Peer> like(Scheme scheme, Collection<String> kinds, int size) {
        List<String> themes = scheme.getThemeFacets();
        double most = most(scheme, themes);
        List<List<?>> ranked = session.search(Scheme.class)
                .select(f -> f.composite(f.id(Long.class), f.score()))
                .where(f -> likeness(f, scheme, themes, kinds))
                .sort(f -> f.score().then().field("sortName"))
                .fetchHits(size);
        Map<Long, Scheme> found = ranked.isEmpty() ? Map.of()
                : Scheme.<Scheme> list("id in ?1",
                        ranked.stream().map(hit -> (Long) hit.get(0)).toList()).stream()
                        .collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<Peer> peers = new ArrayList<>();
        for (List<?> hit : ranked) {
            Scheme other = found.get((Long) hit.get(0));
            if (other != null) { // deleted a moment ago, the index not yet told
                double score = most == 0 ? 0 : Math.min(1, ((Float) hit.get(1)) / most);
                peers.add(new Peer(summary(other), Math.round(score * 100) / 100.0, reasons(scheme, themes, other)));
            }
        }
        return peers;
    }

    private static Summary summary(Scheme s) {
        return new Summary(s.id, s.ref, s.name, s.kind.code, s.status.name(), s.population,
                s.density == null ? null : s.density.apiName());
    }

    /** The highest score a scheme could get next to this one: the parts this one has. */
    static double most(Scheme scheme, List<String> themes) {
        double most = 0;
        if (!themes.isEmpty()) {
            most += THEMES;
        }
        if (scheme.population > 0) {
            for (double[] ring : POPULATION_RINGS) {
                most += ring[1];
            }
        }
        most += scheme.density == null ? 0 : DENSITY;
        most += scheme.epciSpan == null ? 0 : EPCI_SPAN;
        most += scheme.cptsStage == null ? 0 : CPTS_STAGE;
        most += scheme.getCptsSize() == null ? 0 : CPTS_SIZE;
        most += generation(scheme) == null ? 0 : GENERATION;
        most += scheme.getPriorityNeighbourhoodClass() == null ? 0 : PRIORITY_NEIGHBOURHOODS;
        return most;
    }

    private static BooleanPredicateClausesStep<?, ?> likeness(SearchPredicateFactory f, Scheme scheme, List<String> themes,
            Collection<String> kinds) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool()
                .filter(f.terms().field("kind").matchingAny(kinds))
                .filter(f.terms().field("status")
                        .matchingAny(SchemeStatus.AT_WORK.stream().map(SchemeStatus::valueOf).toList()))
                .mustNot(f.id().matching(scheme.id));
        for (String theme : themes) {
            bool.should(
                    f.match().field("themeCounted").matching(theme).constantScore().boost((float) (THEMES / themes.size())));
        }
        if (scheme.population > 0) {
            for (double[] ring : POPULATION_RINGS) {
                bool.should(f.range().field("population").between((long) Math.floor(scheme.population / ring[0]),
                        (long) Math.ceil(scheme.population * ring[0])).constantScore().boost((float) ring[1]));
            }
        }
        if (scheme.density != null) {
            bool.should(f.match().field("density").matching(scheme.density.apiName()).constantScore().boost((float) DENSITY));
        }
        if (scheme.epciSpan != null) {
            bool.should(
                    f.match().field("epciSpan").matching(scheme.epciSpan.apiName()).constantScore().boost((float) EPCI_SPAN));
        }
        if (scheme.cptsStage != null) {
            bool.should(f.match().field("cptsStage").matching(scheme.cptsStage).constantScore().boost((float) CPTS_STAGE));
        }
        if (scheme.getCptsSize() != null) {
            bool.should(f.match().field("cptsSize").matching(scheme.getCptsSize()).constantScore().boost((float) CPTS_SIZE));
        }
        if (generation(scheme) != null) {
            bool.should(f.match().field("generation").matching(scheme.generation).constantScore().boost((float) GENERATION));
        }
        if (scheme.getPriorityNeighbourhoodClass() != null) {
            bool.should(f.match().field("priorityNeighbourhoodClass").matching(scheme.getPriorityNeighbourhoodClass())
                    .constantScore().boost((float) PRIORITY_NEIGHBOURHOODS));
        }
        return bool;
    }

    /** A contract's generation, for the kinds that have generations. */
    private static Integer generation(Scheme scheme) {
        return scheme.kind.has(KindFeature.GENERATIONS) ? scheme.generation : null;
    }

    /** What both share, in the order of the parts' weights; population always, as the page says "45 000 contre 52 000". */
    static List<Reason> reasons(Scheme mine, List<String> themes, Scheme other) {
        List<Reason> reasons = new ArrayList<>();
        List<String> theirs = other.getThemeFacets();
        List<String> shared = themes.stream().filter(theirs::contains).toList();
        if (!shared.isEmpty()) {
            reasons.add(Reason.themes(shared));
        }
        if (mine.population > 0 && other.population > 0) {
            reasons.add(Reason.population(mine.population, other.population));
        }
        if (mine.density != null && mine.density == other.density) {
            reasons.add(Reason.density(mine.density.apiName()));
        }
        if (mine.epciSpan != null && mine.epciSpan == other.epciSpan) {
            reasons.add(Reason.epciSpan(mine.epciSpan.apiName()));
        }
        if (mine.cptsStage != null && mine.cptsStage == other.cptsStage) {
            reasons.add(Reason.cptsStage(mine.cptsStage.name()));
        }
        if (mine.getCptsSize() != null && mine.getCptsSize().equals(other.getCptsSize())) {
            reasons.add(Reason.cptsSize(mine.getCptsSize()));
        }
        if (generation(mine) != null && Objects.equals(generation(mine), generation(other))) {
            reasons.add(Reason.generation(mine.generation));
        }
        if (mine.getPriorityNeighbourhoodClass() != null
                && mine.getPriorityNeighbourhoodClass().equals(other.getPriorityNeighbourhoodClass())) {
            reasons.add(Reason.priorityNeighbourhoods(mine.qpvCodes.size(), other.qpvCodes.size()));
        }
        return reasons;
    }
}
