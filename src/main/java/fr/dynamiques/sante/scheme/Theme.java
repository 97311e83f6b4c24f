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

    /** The vocabulary keyed by folded label, to recognise "Santé Mentale" as "santé mentale". */
    public static Map<String, String> labelsByFoldedLabel() {
        return Theme.<Theme>listAll().stream()
                .collect(Collectors.toMap(t -> FoldedText.of(t.label), t -> t.label, (a, b) -> a));
    }

    static Function<String, String> canonicaliser() {
        Map<String, String> vocabulary = labelsByFoldedLabel();
        return label -> vocabulary.getOrDefault(FoldedText.of(label), label.strip());
    }
}
