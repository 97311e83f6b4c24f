package fr.dynamiques.sante.web;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Who publishes this instance of the directory, for its legal notice and accessibility statement: the operator sets
 * them (LCEN art. 6, RGAA). Until then the pages say they are not set, rather than invent a publisher.
 */
@ConfigMapping(prefix = "directory.legal")
public interface LegalConfig {

    /** The publishing body (name and address). */
    Optional<String> publisher();

    /** The director of publication. */
    Optional<String> director();

    /** The host (name, address, telephone). */
    Optional<String> host();

    /** Where to write about the site, an accessibility problem included (an email address). */
    Optional<String> contact();
}
