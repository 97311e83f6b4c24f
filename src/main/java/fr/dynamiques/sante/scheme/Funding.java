package fr.dynamiques.sante.scheme;

import java.math.BigDecimal;

import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import fr.dynamiques.sante.organisation.Organisation;

/** An amount an organisation granted a scheme for one year. */
@Embeddable
public class Funding {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organisation_id")
    public Organisation organisation;

    public int year;

    public BigDecimal amountEuros;

    public String purpose;
}
