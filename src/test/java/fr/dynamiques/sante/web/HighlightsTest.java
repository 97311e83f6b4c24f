package fr.dynamiques.sante.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.dynamiques.sante.search.SchemeSearch;

/** Highlighted passages as the pages show them: the engine's matches marked, the stored text never markup. */
@Tag("unit")
class HighlightsTest {

    private static String match(String word) {
        return SchemeSearch.MATCH_START + word + SchemeSearch.MATCH_END;
    }

    private static Element shown(List<String> passages, String plain) {
        return Jsoup.parseBodyFragment("<p>" + Highlights.marked(passages, plain).getValue() + "</p>").selectFirst("p");
    }

    @Test
    void onlyTheEnginesMatchesBecomeMarks() {
        Element p = shown(List.of("Contrat local de " + match("santé") + " <script>x()</script>"), "ignored");
        assertThat(p.select("mark")).extracting(Element::text).containsExactly("santé");
        assertThat(p.select("script")).isEmpty();
        assertThat(p.text()).isEqualTo("Contrat local de santé <script>x()</script>");
    }

    @Test
    void passagesAreJoinedWithAnEllipsisInTheirOrder() {
        Element p = shown(List.of("la " + match("CPTS") + " du nord", "une " + match("CPTS") + " voisine"), null);
        assertThat(p.text()).isEqualTo("la CPTS du nord … une CPTS voisine");
        assertThat(p.select("mark")).hasSize(2);
    }

    @Test
    void withoutPassagesThePlainTextIsShownEscaped() {
        assertThat(shown(List.of(), "Atelier <b>santé</b> & ville").text()).isEqualTo("Atelier <b>santé</b> & ville");
        assertThat(shown(null, "<i>x</i>").select("i")).isEmpty();
        assertThat(Highlights.marked(null, null)).isNull();
        assertThat(Highlights.marked(List.of(), null)).isNull();
    }
}
