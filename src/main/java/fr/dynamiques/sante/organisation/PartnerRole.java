package fr.dynamiques.sante.organisation;

/** What an organisation does for a scheme; one organisation may hold several roles in one scheme. */
public enum PartnerRole {
    CARRIER,
    SIGNATORY,
    FUNDER,
    PARTNER,
    EMPLOYER
}
