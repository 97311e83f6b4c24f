package fr.dynamiques.sante.scheme;

import static fr.dynamiques.sante.index.AnalysisConfigurer.FOLDED_WORDS;
import static fr.dynamiques.sante.index.AnalysisConfigurer.FOLDING;

import java.util.Set;

import jakarta.enterprise.context.Dependent;

import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.bridge.PropertyBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.PropertyBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.PropertyBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.PropertyBridgeWriteContext;

import io.quarkus.arc.Unremovable;

import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Indexes a perimeter (the codes of the communes a scheme covers) by what people type to find it: commune
 * names, the EPCI, départements and régions they belong to, and every code (INSEE, postal, SIREN). Also
 * the département and région codes, for filters and facets. Names come from the referential in memory.
 */
@Dependent
@Unremovable // Hibernate Search looks it up by type: no injection point keeps it otherwise.
public class PerimeterBinder implements PropertyBinder {

    public static final String COMMUNE_NAMES = "communeNames";
    public static final String AREA_NAMES = "areaNames";
    public static final String CODES = "placeCodes";
    public static final String DEPARTMENT = "department";
    public static final String REGION = "region";
    /** A short label of the perimeter, shown in results: "Échirolles", "49 communes, Isère". */
    public static final String TERRITORY = "territory";

    private final CogSnapshot cog;

    PerimeterBinder(CogSnapshot cog) {
        this.cog = cog;
    }

    @Override
    public void bind(PropertyBindingContext context) {
        context.dependencies().useRootOnly();
        var schema = context.indexSchemaElement();
        var types = context.typeFactory();
        Bridge bridge = new Bridge(cog,
                schema.field(COMMUNE_NAMES, types.asString().analyzer(FOLDED_WORDS)).multiValued().toReference(),
                schema.field(AREA_NAMES, types.asString().analyzer(FOLDED_WORDS)).multiValued().toReference(),
                schema.field(CODES, types.asString().normalizer(FOLDING)).multiValued().toReference(),
                schema.field(DEPARTMENT, types.asString().aggregable(Aggregable.YES)).multiValued().toReference(),
                schema.field(REGION, types.asString().aggregable(Aggregable.YES)).multiValued().toReference(),
                schema.field(TERRITORY, types.asString().projectable(Projectable.YES).searchable(Searchable.NO)).toReference());
        context.bridge(Set.class, bridge);
    }

    @SuppressWarnings("rawtypes")
    private record Bridge(CogSnapshot cog, IndexFieldReference<String> communeNames, IndexFieldReference<String> areaNames,
            IndexFieldReference<String> codes, IndexFieldReference<String> departments,
            IndexFieldReference<String> regions, IndexFieldReference<String> territory)
            implements
                PropertyBridge<Set> {

        @Override
        @SuppressWarnings("unchecked")
        public void write(DocumentElement target, Set communeCodes, PropertyBridgeWriteContext context) {
            CogSnapshot.Places places = cog.places((Set<String>) communeCodes);
            places.communeNames().forEach(name -> target.addValue(communeNames, name));
            places.areaNames().forEach(name -> target.addValue(areaNames, name));
            places.codes().forEach(code -> target.addValue(codes, code));
            places.departmentCodes().forEach(code -> target.addValue(departments, code));
            places.regionCodes().forEach(code -> target.addValue(regions, code));
            target.addValue(territory, places.label());
        }
    }
}
