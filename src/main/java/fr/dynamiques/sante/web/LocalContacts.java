package fr.dynamiques.sante.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import fr.dynamiques.sante.geo.NearestSchemes;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.territory.CogSnapshot;

/** Gathers whom to call about a commune ({@link WhomToCall}), for its page and for the search page's territory card. */
@ApplicationScoped
class LocalContacts {

    private final NearestSchemes nearest;
    private final CogSnapshot cog;

    LocalContacts(NearestSchemes nearest, CogSnapshot cog) {
        this.nearest = nearest;
        this.cog = cog;
    }

    /** About a commune or an arrondissement (by its COG code), in a transaction. */
    WhomToCall around(String place, String region, KindNames names) {
        String regionName = cog.regionName(region);
        // Régions have two-character codes; the overseas collectivities' three-character pseudo-régions have no ARS.
        SchemeDocument.OrganisationRef agency = region.length() == 2 ? WhomToAsk.agencyOf(region, regionName) : null;
        return nearest.around(place)
                .map(kinds -> new WhomToCall(regionName, agency, true, kinds.stream().map(k -> kind(k, names)).toList()))
                .orElseGet(() -> new WhomToCall(regionName, agency, false, List.of()));
    }

    private WhomToCall.Kind kind(NearestSchemes.Nearest found, KindNames names) {
        CogSnapshot.CommuneFacts near = cog.place(found.communeCode());
        List<WhomToAsk> schemes = found.schemes().stream().map(id -> Scheme.<Scheme> findById(id))
                .map(s -> WhomToAsk.of(SchemeDocument.of(s, cog, false, null))).toList();
        return new WhomToCall.Kind(found.kind(), names.of(found.kind()), found.here(), Math.round(found.km()),
                near == null ? found.communeCode() : near.name(), schemes);
    }
}
