package fr.dynamiques.sante.territory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;

/** One territory suggestion, projected straight from the search engine (no database round trip). */
@ProjectionConstructor
@Schema(description = "A territory matching the typed text")
public record TerritoryMatch(
        @Schema(description = "commune, epci, department or region", examples = "commune") String level,
        @Schema(description = "INSEE code, or SIREN for an EPCI", examples = "38151") String code,
        @Schema(examples = "Échirolles") String name,
        @Schema(examples = "37491") Long population,
        @Schema(description = "What tells homonyms apart: département, région or EPCI type", examples = "Isère (38)")
        String context) {
}
