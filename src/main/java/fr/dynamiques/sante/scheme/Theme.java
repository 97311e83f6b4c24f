package fr.dynamiques.sante.scheme;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import fr.dynamiques.sante.text.FoldedText;

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

    /** The vocabulary's labels: it changes only with a migration, so it is read once, outside any Hibernate session. */
    private static volatile List<String> vocabulary;

    /** These labels and, after them, every theme of the vocabulary one of them falls under, each once. */
    static List<String> counted(List<String> labels) {
        Set<String> counted = new LinkedHashSet<>(labels);
        for (String theme : vocabulary()) {
            if (labels.stream().anyMatch(label -> covers(theme, label))) {
                counted.add(theme);
            }
        }
        return List.copyOf(counted);
    }

    private static List<String> vocabulary() {
        List<String> labels = vocabulary;
        if (labels == null) {
            // Read by the indexing agent too, in the middle of loading schemes: plain JDBC, not the entity manager.
            try (Connection connection = Arc.container().instance(DataSource.class).get().getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select label from theme order by label")) {
                List<String> read = new ArrayList<>();
                while (rows.next()) {
                    read.add(rows.getString(1));
                }
                labels = List.copyOf(read);
                vocabulary = labels;
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the themes' vocabulary", e);
            }
        }
        return labels;
    }

    /** Gives a label the vocabulary's spelling ("Santé Mentale" -> "santé mentale"); a free tag stays as given. */
    static Function<String, String> canonicaliser() {
        Map<String, String> vocabulary = Theme.<Theme> listAll().stream()
                .collect(Collectors.toMap(t -> FoldedText.of(t.label), t -> t.label, (a, b) -> a));
        return label -> vocabulary.getOrDefault(FoldedText.of(label), label.strip());
    }
}
