package fr.dynamiques.sante.scheme;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.dynamiques.sante.text.FoldedText;

/** The words of the registry: kinds of scheme and themes, for forms, filters and partners' mappings. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabulaire", description = "Kinds of scheme and themes")
public class VocabularyResource {

    @Schema(description = "A kind of scheme and the kind-specific facts it carries")
    public record KindView(@Schema(examples = "CLS") String code, @Schema(examples = "Contrat local de santé") String labelFr,
                           @Schema(examples = "Local health contract") String labelEn,
                           @Schema(examples = "[\"GENERATIONS\"]") List<String> features) {
    }

    @Schema(description = "A theme and how many schemes name it")
    public record ThemeView(@Schema(examples = "santé mentale") String label,
                            @Schema(description = "Code in the controlled vocabulary; null for a free tag", examples = "sante-mentale")
                            String code,
                            @Schema(examples = "12") long schemes) {
    }

    private final EntityManager em;

    VocabularyResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Path("/kinds")
    @Transactional
    @Operation(summary = "Kinds of scheme")
    public List<KindView> kinds() {
        return SchemeKind.listByCode().stream()
                .map(k -> new KindView(k.code, k.labelFr, k.labelEn, List.copyOf(k.features))).toList();
    }

    @GET
    @Path("/themes")
    @Transactional
    @Operation(summary = "Themes: the controlled vocabulary, then the free tags schemes use, with their counts")
    public List<ThemeView> themes() {
        Map<String, Long> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t, count(*) from scheme s, unnest(s.themes) t group by t").getResultList();
        rows.forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
        Map<String, ThemeView> vocabulary = new TreeMap<>();
        Theme.listByLabel().forEach(t -> vocabulary.put(FoldedText.of(t.label), new ThemeView(t.label, t.code, counts.getOrDefault(t.label, 0L))));
        Set<String> controlled = Set.copyOf(vocabulary.keySet());
        Map<String, ThemeView> tags = new TreeMap<>();
        counts.forEach((label, count) -> {
            if (!controlled.contains(FoldedText.of(label))) {
                tags.put(FoldedText.of(label) + label, new ThemeView(label, null, count));
            }
        });
        return java.util.stream.Stream.concat(vocabulary.values().stream(), tags.values().stream()).toList();
    }
}
