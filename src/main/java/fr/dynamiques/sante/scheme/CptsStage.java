package fr.dynamiques.sante.scheme;

/** The steps of a CPTS, from the first meetings to the signed Accord conventionnel interprofessionnel. */
public enum CptsStage {
    /** Émergence: professionals gather, no letter yet. */
    EMERGENCE,
    /** Lettre d'intention sent to the ARS and the CPAM. */
    LETTER_OF_INTENT,
    /** Projet de santé validated by the ARS. */
    HEALTH_PROJECT_VALIDATED,
    /** ACI signed with the CPAM and the ARS: the CPTS is funded for its missions. */
    ACI_SIGNED
}
