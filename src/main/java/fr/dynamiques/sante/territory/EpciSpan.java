package fr.dynamiques.sante.territory;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a territory sits among the EPCI (the intercommunalités that carry most local health policies): part of one,
 * one whole, or over several. A CLS signed by a communauté de communes and one signed by a town inside it do not work
 * the same way, whatever their population.
 */
public enum EpciSpan {
    PART,
    WHOLE,
    SEVERAL;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The span of these places (communes or arrondissements); empty when none of them belongs to an EPCI. */
    public static Optional<EpciSpan> of(Collection<String> places, CogSnapshot cog) {
        Set<String> communes = cog.communesOf(places);
        Set<String> epcis = communes.stream().map(cog::commune).filter(c -> c != null && c.epciSiren() != null)
                .map(CogSnapshot.CommuneFacts::epciSiren).collect(Collectors.toSet());
        if (epcis.isEmpty()) {
            return Optional.empty();
        }
        if (epcis.size() > 1) {
            return Optional.of(SEVERAL);
        }
        return Optional.of(communes.containsAll(cog.epciMembers(epcis.iterator().next())) ? WHOLE : PART);
    }
}
