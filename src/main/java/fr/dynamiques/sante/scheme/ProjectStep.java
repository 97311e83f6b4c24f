package fr.dynamiques.sante.scheme;

/** The step of the project cycle a scheme says it is at. */
public enum ProjectStep {
    DIAGNOSIS,
    PRIORITISATION,
    PLANNING,
    IMPLEMENTATION,
    EVALUATION
}
