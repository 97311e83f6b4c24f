package fr.dynamiques.sante.territory;

import java.util.List;

import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ProjectionConstructor;

/** A territory as the suggestion indexes return it (no database round trip), former names included. */
@ProjectionConstructor
record TerritoryHit(String level, String code, String name, Long population, String context, List<String> formerNames) {
}
