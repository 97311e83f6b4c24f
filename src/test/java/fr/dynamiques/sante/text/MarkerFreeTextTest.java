package fr.dynamiques.sante.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The engine's match markers never enter through text taken in, at any depth of a JSON document. */
@Tag("unit")
class MarkerFreeTextTest {

    private static final String MARKED = "Atelier " + MarkerFreeText.MATCH_START + "santé" + MarkerFreeText.MATCH_END;

    @Test
    void markersAreDroppedAndTheRestKept() {
        assertThat(MarkerFreeText.of(MARKED)).isEqualTo("Atelier santé");
        assertThat(MarkerFreeText.of(MarkerFreeText.MATCH_END + MarkerFreeText.MATCH_START)).isEmpty();
        assertThat(MarkerFreeText.of(null)).isNull();
        String clean = "Atelier santé";
        assertThat(MarkerFreeText.of(clean)).isSameAs(clean);
    }

    @Test
    void jsonReadThroughTheCustomizedMapperCarriesNoMarker() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new MarkerFreeText().customize(mapper);
        String json = mapper.writeValueAsString(Map.of("name", MARKED, "partners", List.of(Map.of("name", MARKED))));
        assertThat(json).contains(MarkerFreeText.MATCH_START);

        Named read = mapper.readValue(json, Named.class);
        assertThat(read.name()).isEqualTo("Atelier santé");
        assertThat(read.partners()).extracting(p -> p.get("name")).containsExactly("Atelier santé");
    }

    record Named(String name, List<Map<String, String>> partners) {
    }
}
