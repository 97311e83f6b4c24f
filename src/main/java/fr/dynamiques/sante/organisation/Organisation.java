package fr.dynamiques.sante.organisation;

import java.util.List;
import java.util.Optional;

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

    /**
     * Public contacts: the organisation's own (a website, a generic address, a switchboard, a postal address), shown to
     * everyone. Not personal data: people's contacts are coordinators', behind their consent.
     */
    public String website;
    public String email;
    public String phone;
    public String address;

    /** For the ARS of a région (agence régionale de santé): that région's code. Such a record stays when no scheme names it. */
    public String agencyRegion;

    /** The ARS of the région, if the registry has it. */
    public static Optional<Organisation> agencyOf(String region) {
        return find("agencyRegion", region).firstResultOptional();
    }

    /** The ARS of every région, by région code. */
    public static List<Organisation> agencies() {
        return list("agencyRegion is not null order by agencyRegion");
    }

    /**
     * Drops the organisations no scheme names any more (as partner, funder, employer or co-carrying hospital): a name
     * given once by mistake does not stay in the registry; the ARS of the régions stay. In bulk, after a write has flushed.
     */
    public static int deleteUnreferenced() {
        getEntityManager().flush();
        return getEntityManager().createNativeQuery("""
                delete from organisation o
                where o.agency_region is null
                  and not exists (select 1 from scheme_partner p where p.organisation_id = o.id)
                  and not exists (select 1 from scheme_funding f where f.organisation_id = o.id)
                  and not exists (select 1 from scheme_coordinator c where c.employer_id = o.id)
                  and not exists (select 1 from scheme s where s.co_carrying_hospital_id = o.id)""").executeUpdate();
    }
}
