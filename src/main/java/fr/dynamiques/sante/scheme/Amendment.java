package fr.dynamiques.sante.scheme;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;

/** An avenant to a contract, dated. */
@Embeddable
public class Amendment {

    public LocalDate signedOn;

    public String title;

    public String summary;
}
