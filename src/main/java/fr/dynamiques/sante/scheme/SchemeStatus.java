package fr.dynamiques.sante.scheme;

/** Where a scheme is in its life: being prepared, running, being renewed, or over. */
public enum SchemeStatus {
    DRAFT, ACTIVE, RENEWAL, ENDED
}
