package fr.dynamiques.sante.scheme;

import java.util.List;

/** Where a scheme is in its life: being prepared, running, being renewed, or over. */
public enum SchemeStatus {
    DRAFT,
    ACTIVE,
    RENEWAL,
    ENDED;

    /** The schemes at work: what coverage and renewal planning count unless asked otherwise. */
    public static final List<String> AT_WORK = List.of(ACTIVE.name(), RENEWAL.name());
}
