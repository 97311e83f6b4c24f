package fr.dynamiques.sante.scheme;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The scheme's own score, 0 to 3, on one criterion of a territorialised approach. */
@Embeddable
public class Assessment {

    @Enumerated(EnumType.STRING)
    public ApproachCriterion criterion;

    public short score;

    public String comment;
}
