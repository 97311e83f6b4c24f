package fr.dynamiques.sante.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

/**
 * What every page reads the same way, reachable by name in every template instead of passed to each: the kinds in the
 * visitor's language ({@code kinds.of(code)}, {@code kinds.label(kind)}, {@code kinds.kinds}) and how many of a long list
 * a page shows before counting the rest. A template's own parameter of the same name wins over a global.
 */
public final class PageGlobals {

    /** White zones named on a territory's page. */
    @TemplateGlobal
    static final int whiteZonesShown = TerritoryPage.WHITE_ZONES_SHOWN;
    /** Pairs of overlapping schemes named on a territory's page. */
    @TemplateGlobal
    static final int pairsShown = TerritoryPage.PAIRS_SHOWN;
    /** Schemes listed per kind on a territory's page. */
    @TemplateGlobal
    static final int stackShown = TerritoryPage.STACK_SHOWN;

    private PageGlobals() {
    }

    /** Read when a template first asks, once per request (templates are drawn where the request is still active). */
    @TemplateGlobal
    static KindNames kinds() {
        return Arc.container().instance(Visitor.class).get().kinds();
    }
}
