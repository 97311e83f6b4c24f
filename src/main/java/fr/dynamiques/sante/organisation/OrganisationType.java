package fr.dynamiques.sante.organisation;

import java.util.Optional;

import fr.dynamiques.sante.territory.TerritoryLevel;

/** The kinds of organisation that carry, sign or fund schemes. Local authorities may name their COG code. */
public enum OrganisationType {
    ARS(null),
    COMMUNE(TerritoryLevel.COMMUNE),
    EPCI(TerritoryLevel.EPCI),
    DEPARTMENT(TerritoryLevel.DEPARTMENT),
    REGION(TerritoryLevel.REGION),
    /** État, préfecture, services déconcentrés, Éducation nationale. */
    STATE(null),
    /** CPAM, MSA and other health insurance funds. */
    CPAM(null),
    HOSPITAL(null),
    ASSOCIATION(null),
    OTHER(null);

    private final TerritoryLevel territory;

    OrganisationType(TerritoryLevel territory) {
        this.territory = territory;
    }

    /** The COG level whose code identifies an organisation of this type, if it is a local authority. */
    public Optional<TerritoryLevel> territory() {
        return Optional.ofNullable(territory);
    }
}
