package fr.dynamiques.sante.coordinator;

/**
 * Fired, within the erasure's transaction, when a person is erased: whatever keeps a copy of them elsewhere (an
 * import's undo) lets it go too.
 */
public record PersonErased(long personId) {
}
