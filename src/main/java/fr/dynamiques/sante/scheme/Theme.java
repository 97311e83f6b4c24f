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

    /** Gives a label the vocabulary's spelling ("Santé Mentale" -> "santé mentale"); a free tag stays as given. */
    static Function<String, String> canonicaliser() {
        Map<String, String> vocabulary = Theme.<Theme>listAll().stream()
                .collect(Collectors.toMap(t -> FoldedText.of(t.label), t -> t.label, (a, b) -> a));
        return label -> vocabulary.getOrDefault(FoldedText.of(label), label.strip());
    }
}
