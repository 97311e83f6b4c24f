package fr.dynamiques.sante.territory;

import static fr.dynamiques.sante.index.AnalysisConfigurer.CODE_PREFIX;
import static fr.dynamiques.sante.index.AnalysisConfigurer.CODE_QUERY;
import static fr.dynamiques.sante.index.AnalysisConfigurer.FOLDING;
import static fr.dynamiques.sante.index.AnalysisConfigurer.NAME_PREFIX;
import static fr.dynamiques.sante.index.AnalysisConfigurer.NAME_QUERY;
import static fr.dynamiques.sante.index.AnalysisConfigurer.WORD_PREFIX;
import static fr.dynamiques.sante.index.AnalysisConfigurer.WORD_QUERY;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fr.dynamiques.sante.problem.Problem;
import fr.dynamiques.sante.problem.ProblemException;

/**
 * What every level of the COG shares, and the one index shape that territory suggestions search
 * across the four levels: the same field names in each level's index.
 * Territories change only through the COG loader, which reindexes them all; hence no reindexing on update.
 */
@MappedSuperclass
public abstract class Territory extends PanacheEntityBase {

    @FullTextField(name = "name", analyzer = WORD_PREFIX, searchAnalyzer = WORD_QUERY, projectable = Projectable.YES)
    @FullTextField(name = "nameStart", analyzer = NAME_PREFIX, searchAnalyzer = NAME_QUERY)
    @KeywordField(name = "nameExact", normalizer = FOLDING)
    @Column(nullable = false)
    public String name;

    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
    public Long population;

    /** commune, epci, department or region: the {@code level} of the API. */
    @KeywordField(name = "level", projectable = Projectable.YES)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public abstract String getLevel();

    /** Its level, as {@link #getLevel()} names it. */
    public TerritoryLevel level() {
        return TerritoryLevel.fromApiName(getLevel()).orElseThrow();
    }

    /** The territory's key: INSEE code, or SIREN for an EPCI. */
    @KeywordField(name = "code", projectable = Projectable.YES)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public abstract String getKey();

    /** A short text telling homonyms apart in a list of suggestions (département, région, EPCI type). */
    @KeywordField(name = "context", projectable = Projectable.YES, searchable = Searchable.NO)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public abstract String getContext();

    /**
     * The territory of that level with that code. A malformed code is the client's mistake (400); a well-formed but
     * unknown one is not found (404).
     */
    @SuppressWarnings("unchecked")
    public static <T extends Territory> T findExisting(TerritoryLevel level, String code) {
        requireWellFormed(level, code);
        Territory territory = switch (level) {
            case COMMUNE -> Commune.findByCode(code);
            case ARRONDISSEMENT -> Arrondissement.findByCode(code);
            case EPCI -> Epci.findBySiren(code);
            case DEPARTMENT -> Department.findByCode(code);
            case REGION -> Region.findByCode(code);
        };
        if (territory == null) {
            throw notFound(level, code);
        }
        return (T) territory;
    }

    /** A malformed code is the client's mistake: a 400 naming it. */
    public static void requireWellFormed(TerritoryLevel level, String code) {
        if (!level.isWellFormed(code)) {
            String shown = code == null ? "" : code.length() <= 20 ? code : code.substring(0, 20) + "…";
            throw ProblemException.badRequest("Malformed " + level.apiName() + " code.",
                    new Problem.FieldError("code", "'" + shown + "' is not a " + level.apiName() + " code"));
        }
    }

    /** A well-formed code the COG does not have. */
    public static ProblemException notFound(TerritoryLevel level, String code) {
        return ProblemException.notFound("No " + level.apiName() + " with code " + code + " in the COG.");
    }

    /** Other names people still use: a commune's former communes (delegated, associated). */
    @FullTextField(name = "formerNames", analyzer = WORD_PREFIX, searchAnalyzer = WORD_QUERY, projectable = Projectable.YES)
    @FullTextField(name = "formerNameStart", analyzer = NAME_PREFIX, searchAnalyzer = NAME_QUERY)
    @KeywordField(name = "formerNameExact", normalizer = FOLDING)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public List<String> getFormerNames() {
        return List.of();
    }

    /** Codes a user may type to find this territory: its own, plus postal and former codes for a commune. */
    @KeywordField(name = "codes")
    @FullTextField(name = "codePrefix", analyzer = CODE_PREFIX, searchAnalyzer = CODE_QUERY)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public List<String> getSearchCodes() {
        return List.of(getKey());
    }
}
