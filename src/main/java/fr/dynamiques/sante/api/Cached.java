package fr.dynamiques.sante.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public read that clients and caches may keep, and revalidate with {@code If-None-Match} or
 * {@code If-Modified-Since} (a 304 answers before any work): what its answer depends on decides its validators.
 * Answers not marked so (accounts, tokens, proposals...) are sent with {@code Cache-Control: no-store}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Cached {

    Validator value();

    enum Validator {
        /** The territorial referential alone (COG): it changes when a new file is loaded. A day in caches. */
        REFERENTIAL,
        /** The registry (schemes) and the referential: it changes with any committed write. A minute in caches. */
        REGISTRY,
        /** The search index, which follows the registry a second or so behind: no validator, ten seconds in caches. */
        INDEX
    }
}
