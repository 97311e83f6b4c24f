package fr.dynamiques.sante.scheme;

import java.time.LocalDate;

import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import fr.dynamiques.sante.coordinator.Person;
import fr.dynamiques.sante.organisation.Organisation;

/**
 * A person coordinating this scheme. Consent to show the person's name and contact details publicly
 * is given per scheme, and dated; the phone is given per scheme too, so that no consent elsewhere shows it.
 */
@Embeddable
public class Coordination {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    public Person person;

    public String title;

    /** Given for this scheme: shown only where this coordination's consent allows. */
    public String phone;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "employer_id")
    public Organisation employer;

    public boolean publicContact;

    public LocalDate publicContactSince;
}
