package fr.dynamiques.sante.scheme;

/**
 * The kind-specific facts a scheme may carry. Which kind carries which is data ({@code scheme_kind.features}),
 * so a new kind chooses among them without a code change.
 */
public enum KindFeature {
    /** Successive contracts (CLS1 -> CLS2 -> CLS3): generation, previous contract, dated amendments. */
    GENERATIONS,
    /** The CPTS path: stage (émergence... ACI signé), date of the ACI, size from the population. */
    CPTS_STAGES,
    /** A hospital carrying the scheme with the city, as most CLSM have. */
    CO_CARRYING_HOSPITAL,
    /** Priority neighbourhoods of the politique de la ville (QPV), as ASV are tied to. */
    PRIORITY_NEIGHBOURHOODS
}
