package fr.dynamiques.sante.territory;

import jakarta.persistence.Embeddable;

/**
 * A former commune now part of a current commune: a delegated or associated commune (named, {@code type}
 * {@code deleguee} or {@code associee}), or a code merged earlier (no name, no type). A delegated commune may carry
 * its current commune's own code (the chef-lieu): its name is then another name of that commune.
 */
@Embeddable
public class FormerName {

    public String code;

    public String name;

    public String type;
}
