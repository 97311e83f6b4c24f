package fr.dynamiques.sante.scheme;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import fr.dynamiques.sante.text.FoldedText;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A theme of the controlled vocabulary. Schemes store labels: these, or free tags of their own. */
@Entity
public class Theme extends PanacheEntityBase {

    @Id
    public String code;

    public String label;

    public static List<Theme> listByLabel() {
        return list("order by label");
    }

    /**
     * Whether a scheme's label falls under this theme: the theme itself, however spelt, or a free tag naming it among
     * its words ("semaines d'information sur la santé mentale" falls under "santé mentale"). The search and the peers
     * page filter by themes this one way.
     */
    public static boolean covers(String theme, String label) {
        String wanted = FoldedText.of(theme);
        return !wanted.isEmpty() && (" " + FoldedText.of(label) + " ").contains(" " + wanted + " ");
    }

    /** Gives a label the vocabulary's spelling ("Santé Mentale" -> "santé mentale"); a free tag stays as given. */
    static Function<String, String> canonicaliser() {
        Map<String, String> vocabulary = Theme.<Theme>listAll().stream()
                .collect(Collectors.toMap(t -> FoldedText.of(t.label), t -> t.label, (a, b) -> a));
        return label -> vocabulary.getOrDefault(FoldedText.of(label), label.strip());
    }
}
