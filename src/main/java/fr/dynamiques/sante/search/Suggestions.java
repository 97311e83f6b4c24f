package fr.dynamiques.sante.search;

import static org.hibernate.search.engine.search.common.BooleanOperator.AND;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.mapper.orm.session.SearchSession;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.territory.TerritoryFinder;
import fr.dynamiques.sante.territory.TerritoryMatch;

/**
 * As-you-type suggestions mixing territories and schemes: places first (the question is usually "what is
 * there"), then schemes whose name has words starting with every typed word. Both straight from the index.
 */
@ApplicationScoped
public class Suggestions {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A territory or a scheme matching the typed text", requiredProperties = { "type", "label" })
    public record Suggestion(@Schema(description = "territory or scheme", examples = "territory") String type,
            @Schema(examples = "Échirolles") String label,
            @Schema(description = "Territories: département, région or EPCI type; schemes: their kind", examples = "Isère (38)") String context,
            @Schema(description = "Territories: commune, epci, department or region", examples = "commune") String level,
            @Schema(description = "Territories: INSEE code or SIREN", examples = "38151") String code,
            @Schema(description = "Schemes: their id", examples = "42") Long id) {
    }

    private final TerritoryFinder territories;
    private final SearchSession session;

    Suggestions(TerritoryFinder territories, SearchSession session) {
        this.territories = territories;
        this.session = session;
    }

    /** Projections from the index only: no database transaction. */
    public List<Suggestion> suggest(String text, int territoryCount, int schemeCount) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (TerritoryMatch t : territories.suggest(text, Optional.empty(), territoryCount)) {
            // Found by a former commune, or by a code that is a postal code here and an INSEE code there: say how, or the
            // suggestion would look unrelated to what was typed.
            String context = switch (t.matchedBy()) {
                case "postalCode" -> t.context() + " · code postal " + text.strip();
                case "code" -> t.level().equals("commune") || t.level().equals("arrondissement")
                        ? t.context() + " · code INSEE " + t.code()
                        : t.context();
                default -> t.formerName() == null ? t.context() : t.context() + " · ancienne commune " + t.formerName();
            };
            suggestions.add(new Suggestion("territory", t.name(), context, t.level(), t.code(), null));
        }
        List<List<?>> schemes = session.search(Scheme.class)
                .select(f -> f.composite().from(f.id(Long.class), f.field("name", String.class), f.field("kind", String.class))
                        .asList())
                .where(f -> f.simpleQueryString().field("namePrefix").matching(text)
                        .defaultOperator(AND).flags(EnumSet.noneOf(SimpleQueryFlag.class)))
                .sort(f -> f.score().then().field("statusRank").then().field("sortName"))
                .fetchHits(schemeCount);
        for (List<?> s : schemes) {
            suggestions.add(new Suggestion("scheme", (String) s.get(1), (String) s.get(2), null, null, (Long) s.get(0)));
        }
        return suggestions;
    }
}
