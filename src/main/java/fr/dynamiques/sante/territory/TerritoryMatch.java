package fr.dynamiques.sante.territory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One territory suggestion. */
@Schema(description = "A territory matching the typed text", requiredProperties = { "level", "code", "name", "context",
        "matchedBy" })
public record TerritoryMatch(
        @Schema(description = "commune, arrondissement, epci, department or region", examples = "commune") String level,
        @Schema(description = "INSEE code, or SIREN for an EPCI", examples = "38151") String code,
        @Schema(examples = "Échirolles") String name,
        @Schema(examples = "37491") Long population,
        @Schema(description = "What tells homonyms apart: département, région or EPCI type", examples = "Isère (38)") String context,
        @Schema(description = "When the text matched a former commune's name and not the current name: that former name "
                + "(the commune déléguée or associée is now part of this commune); null otherwise", examples = "Arzay", nullable = true) String formerName,
        @Schema(description = "How the text named it: by its own code (INSEE, SIREN, département, région), a postal code, a "
                + "former commune's code or name, its name as written (abbreviations, articles, legal forms, a département "
                + "after it), or only as the beginning of a name or code (prefix) while typing", enumeration = {
                        "code", "postalCode", "formerCode", "name", "formerName",
                        "prefix" }, examples = "postalCode") String matchedBy){

    /** Named outright, not only begun: what a search page may call "the territory you named". */
    public boolean isNamed() {
        return !"prefix".equals(matchedBy);
    }
}
