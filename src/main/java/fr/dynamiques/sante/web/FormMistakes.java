package fr.dynamiques.sante.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The registry's checks speak the API's language (English, as its field paths); a page in French says the same in
 * French, and what to type instead (RGAA 11.11). A message without its French wording here is shown as it is.
 */
final class FormMistakes {

    private record Wording(Pattern english, String french) {
    }

    private static final List<Wording> FRENCH = List.of(
            new Wording(Pattern.compile("must not be (blank|null|empty)"), "à remplir"),
            new Wording(Pattern.compile("must be an http or https address"),
                    "une adresse web qui commence par https:// (ou http://)"),
            new Wording(Pattern.compile("must be a well-formed email address"),
                    "une adresse électronique, comme contact@exemple.fr"),
            new Wording(Pattern.compile("must be a phone number"), "un numéro de téléphone, comme 04 76 00 00 00"),
            new Wording(Pattern.compile("must be 14 digits"), "un SIRET : 14 chiffres"),
            new Wording(Pattern.compile("must be 9 characters: département then 7 digits"),
                    "un numéro FINESS : le département puis 7 chiffres"),
            new Wording(Pattern.compile("must not be before startDate \\((.+)\\)"), "pas avant la date de début ($1)"),
            new Wording(Pattern.compile("must not be in the future"), "pas dans le futur"),
            new Wording(Pattern.compile("must be a date, as 15/03/2024"), "une date, comme 15/03/2024"),
            new Wording(Pattern.compile("must be a date between (\\d+) and (\\d+)"), "une date entre $1 et $2"),
            new Wording(Pattern.compile("must be a whole number"), "un nombre entier"),
            new Wording(Pattern.compile("must be an amount in euros, as 35000 or 35 000,50"),
                    "un montant en euros, comme 35000 ou 35 000,50"),
            new Wording(Pattern.compile("must be greater than or equal to (\\d+)"), "au moins $1"),
            new Wording(Pattern.compile("must be less than or equal to (\\d+)"), "au plus $1"),
            new Wording(Pattern.compile("size must be between (\\d+) and (\\d+)"), "de $1 à $2 caractères ou éléments"),
            new Wording(Pattern.compile("must name at least one role"), "cochez au moins un rôle"),
            new Wording(Pattern.compile("must name at least one commune, arrondissement, EPCI or département"),
                    "au moins une commune, un arrondissement, un EPCI ou un département"),
            new Wording(Pattern.compile("letters, digits, '.', '_', ':' or '-', starting with a letter or digit"),
                    "lettres, chiffres, « . », « _ », « : » ou « - », en commençant par une lettre ou un chiffre"),
            new Wording(Pattern.compile("no scheme with ref '(.+)'"), "aucun dispositif n'a la référence « $1 »"),
            new Wording(Pattern.compile("'(.+)' is already used by scheme (\\d+)"),
                    "la référence « $1 » est déjà celle du dispositif $2"),
            new Wording(Pattern.compile("only with cptsStage ACI_SIGNED"), "seulement à l'étape « ACI signé »"),
            new Wording(Pattern.compile("must be greater than the previous contract's \\((\\d+)\\)"),
                    "plus grande que celle du contrat précédent ($1)"),
            new Wording(Pattern.compile("a contract cannot follow itself"), "un contrat ne peut pas se suivre lui-même"),
            new Wording(Pattern.compile("'(.+)' is not (?:a|an) .+ of the COG (\\d+)"),
                    "« $1 » n'est pas un territoire du COG $2"),
            new Wording(Pattern.compile("same person as coordinators\\[(\\d+)]"), "la même personne qu'une autre ligne"),
            new Wording(Pattern.compile("same organisation as partners\\[(\\d+)].*"),
                    "la même organisation qu'une autre ligne"),
            new Wording(Pattern.compile("one of (.+)"), "l'une des valeurs proposées"),
            new Wording(Pattern.compile("criterion assessed twice"), "critère évalué deux fois"),
            new Wording(Pattern.compile("waits for a choice"),
                    "choisissez le bon territoire parmi ceux proposés, ou retirez ce nom"),
            new Wording(Pattern.compile("no territory of the COG bears this name"),
                    "aucun territoire du COG ne porte ce nom : corrigez-le ou retirez-le"),
            new Wording(Pattern.compile("no territory of the COG has this code"), "aucun territoire du COG n'a ce code"));

    private FormMistakes() {
    }

    /** The message in the page's language. */
    static String say(String message, Locale locale) {
        if (message == null || !Locale.FRENCH.getLanguage().equals(locale.getLanguage())) {
            return message;
        }
        for (Wording wording : FRENCH) {
            Matcher m = wording.english().matcher(message);
            if (m.matches()) {
                return m.replaceAll(wording.french());
            }
        }
        return message;
    }
}
