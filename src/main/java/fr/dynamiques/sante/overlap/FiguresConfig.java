package fr.dynamiques.sante.overlap;

import io.smallrye.config.ConfigMapping;

/** How territory-wide figures are kept and computed ({@link FigureCache}). */
@ConfigMapping(prefix = "directory.figures")
public interface FiguresConfig {

    /** Figures kept; beyond, Caffeine drops those least likely to be asked for again. */
    int cacheSize();

    /** Figures computed at once. */
    int concurrentComputations();

    /** Requests waiting for a computation beyond those; more get a 503. */
    int waiting();

    /** How long a request waits for a computation before a 503. */
    int waitSeconds();
}
