package fr.dynamiques.sante.spreadsheet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.dynamiques.sante.text.FoldedText;

/**
 * What a listing's column headers mean, as ARS officers and coordinators write them ("Nom CPTS", "Territoire",
 * "Dpt", "Date de signature", "Coordonnateur·rice", "Contact/Courriel/Email"...). A header reads as the field whose
 * longest known wording it starts with, case, accents and punctuation aside; one it does not start with any is left
 * unmapped (ignored, and said so), and the person can map any column by hand.
 */
public final class Headers {

    /** The fields a column can fill (shared/API.md, "Imports from spreadsheets"). */
    public static final List<String> FIELDS = List.of("ref", "name", "kind", "status", "territory", "communes", "epcis",
            "departments", "department", "startDate", "endDate", "carrier", "partners", "funders", "coordinatorName",
            "coordinatorEmail", "coordinatorPhone", "website", "themes", "description", "source");

    private static final Map<String, String> WORDINGS = new LinkedHashMap<>();

    static {
        words("ref", "ref", "reference", "identifiant", "id");
        words("name", "nom", "nom du dispositif", "intitule", "denomination", "libelle", "raison sociale", "name");
        words("kind", "dispositif", "type", "type de dispositif", "nature", "kind");
        words("status", "statut", "etat", "etat d avancement", "avancement", "status");
        words("territory", "territoire", "perimetre", "communes couvertes", "zone", "secteur", "territory");
        words("communes", "communes", "code commune", "codes commune", "codes insee", "code insee", "insee");
        words("epcis", "epci", "siren epci", "intercommunalite", "intercommunalites");
        words("departments", "departements");
        words("department", "dpt", "dep", "dept", "departement", "code departement", "n departement", "num departement");
        words("startDate", "date de signature", "signature", "date signature", "date de debut", "debut", "date debut",
                "date de creation", "creation", "date d ouverture");
        words("endDate", "date de fin", "fin", "date fin", "echeance", "date d echeance", "date echeance");
        words("carrier", "porteur", "structure porteuse", "porteur du projet", "porteuse", "carrier");
        words("partners", "partenaires", "partners");
        words("funders", "financeurs", "cofinanceurs", "co financeurs", "financement", "funders");
        words("coordinatorName", "coordonnateur", "coordonnatrice", "coordinateur", "coordinatrice", "coordination",
                "nom du coordonnateur", "nom coordonnateur", "referent");
        words("coordinatorEmail", "contact", "courriel", "email", "e mail", "mail", "adresse mail", "adresse electronique",
                "mel");
        words("coordinatorPhone", "telephone", "tel", "portable", "phone");
        words("website", "site", "site internet", "site web", "url", "web", "website");
        words("themes", "thematiques", "themes", "axes", "axes prioritaires", "priorites");
        words("description", "description", "commentaire", "commentaires", "observations", "remarques");
        words("source", "source", "sources");
    }

    private static void words(String field, String... wordings) {
        for (String wording : wordings) {
            WORDINGS.put(wording, field);
        }
    }

    private Headers() {
    }

    /** The field a header names, or null. */
    static String field(String header) {
        String folded = FoldedText.of(header);
        if (folded.isEmpty()) {
            return null;
        }
        String best = null;
        int length = -1;
        for (Map.Entry<String, String> wording : WORDINGS.entrySet()) {
            String words = wording.getKey();
            boolean starts = folded.equals(words) || folded.startsWith(words + " ");
            if (starts && words.length() > length) {
                best = wording.getValue();
                length = words.length();
            }
        }
        return best;
    }

    static boolean isField(String field) {
        return FIELDS.contains(field);
    }
}
