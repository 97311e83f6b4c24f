package fr.dynamiques.sante.web;

import java.util.List;

import fr.dynamiques.sante.organisation.Organisation;
import fr.dynamiques.sante.organisation.PartnerRole;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeDocument.CoordinatorEntry;
import fr.dynamiques.sante.scheme.SchemeDocument.OrganisationRef;

/**
 * Whom to ask about a scheme, as the public may see it: its coordinators who consented to be shown; else its carriers,
 * with their public contacts; else the ARS among its partners, else the ARS of each région it touches (the overseas
 * collectivities have none).
 */
public record WhomToAsk(long id, String name, String kind, List<CoordinatorEntry> coordinators, List<OrganisationRef> carriers,
        List<OrganisationRef> agencies) {

    /** From the scheme's public document (coordinators without consent are already without contact there). */
    static WhomToAsk of(SchemeDocument document) {
        List<CoordinatorEntry> shown = document.coordinatorsOrEmpty().stream().filter(CoordinatorEntry::publicContact).toList();
        List<OrganisationRef> carriers = document.partnersOrEmpty().stream()
                .filter(p -> p.roles().contains(PartnerRole.CARRIER.name()))
                .map(SchemeDocument.PartnerEntry::organisation).toList();
        List<OrganisationRef> partners = document.partnersOrEmpty().stream().map(SchemeDocument.PartnerEntry::organisation)
                .filter(o -> "ARS".equals(o.type())).distinct().toList();
        List<OrganisationRef> agencies = !partners.isEmpty() ? partners
                : document.regions().stream().filter(r -> r.code().length() == 2).map(r -> agencyOf(r.code(), r.name()))
                        .toList();
        return new WhomToAsk(document.id(), document.name(), document.kind(), shown, carriers, agencies);
    }

    /** The ARS of a région as recorded, with its public contacts; its name alone if the registry lacks it. */
    static OrganisationRef agencyOf(String region, String regionName) {
        return Organisation.agencyOf(region)
                .map(o -> new OrganisationRef(o.id, o.name, "ARS", null, null, null, o.website, o.email, o.phone, o.address))
                .orElseGet(() -> new OrganisationRef(null, "ARS " + regionName, "ARS", null, null, null));
    }
}
