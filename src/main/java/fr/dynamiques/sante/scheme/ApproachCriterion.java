package fr.dynamiques.sante.scheme;

/**
 * The grid of a territorialised health approach (démarche politique, de projet, territorialisée,
 * ascendante, partenariale, transversale, coordonnée), each self-assessed from 0 to 3.
 */
public enum ApproachCriterion {
    POLITICAL("politique"),
    PROJECT("de projet"),
    TERRITORIALISED("territorialisée"),
    BOTTOM_UP("ascendante"),
    PARTNERSHIP("partenariale"),
    CROSS_SECTORAL("transversale"),
    COORDINATED("coordonnée");

    private final String labelFr;

    ApproachCriterion(String labelFr) {
        this.labelFr = labelFr;
    }

    public String labelFr() {
        return labelFr;
    }
}
