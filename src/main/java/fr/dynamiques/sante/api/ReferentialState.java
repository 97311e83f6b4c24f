package fr.dynamiques.sante.api;

import java.time.Instant;

/** The version of the territorial referential the answers are computed from: which load, and when it was made. */
public interface ReferentialState {

    long loadId();

    Instant loadedAt();
}
