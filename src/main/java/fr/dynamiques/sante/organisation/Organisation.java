package fr.dynamiques.sante.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An organisation that carries, signs, funds or takes part in schemes (ARS, commune, CPAM, hospital...).
 * One row per organisation across the registry: schemes share it, matched by identifier, else by name
 * ({@link OrganisationMatcher}).
 */
@Entity
public class Organisation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_seq")
    @SequenceGenerator(name = "organisation_seq", sequenceName = "organisation_seq", allocationSize = 50)
    public Long id;

    public String name;

    /** {@link fr.dynamiques.sante.text.FoldedText} of the name. */
    public String nameKey;

    @Enumerated(EnumType.STRING)
    public OrganisationType type;

    /** SIRET of the establishment (14 digits). */
    public String siret;

    /** FINESS number, for health and social establishments (9 characters). */
    public String finess;

    /** COG code of a local authority: commune INSEE code, EPCI SIREN, département or région code. */
    public String cogCode;
}
