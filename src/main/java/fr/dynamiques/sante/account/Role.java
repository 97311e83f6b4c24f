package fr.dynamiques.sante.account;

/** What an account may do. */
public enum Role {
    /** The network's staff: everything. */
    ADMIN,
    /** An ARS officer: edits and validates the schemes touching their région(s). */
    ARS,
    /** A coordinator: proposes changes to the schemes they coordinate. */
    COORDINATOR,
    /** A partner's system: reads, and imports into its région(s). */
    PARTNER
}
