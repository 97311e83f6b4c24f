package fr.dynamiques.sante.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Escaped text reads back as the same text, whether it lands in an element or in an attribute. */
@Tag("unit")
class HtmlTextTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\" <b onmouseover='y'>";

    @Test
    void noMarkupSurvives() {
        String escaped = HtmlText.escape(HOSTILE);
        assertThat(escaped).doesNotContain("<", ">", "\"", "'");
        assertThat(Jsoup.parseBodyFragment("<p>" + escaped + "</p>").select("script, b")).isEmpty();
    }

    @Test
    void theTextReadsBackUnchangedAsContentAndAsAttribute() {
        String escaped = HtmlText.escape(HOSTILE);
        assertThat(Jsoup.parseBodyFragment("<p>" + escaped + "</p>").selectFirst("p").text()).isEqualTo(HOSTILE);
        assertThat(Jsoup.parseBodyFragment("<a title='" + escaped + "'>x</a>").selectFirst("a").attr("title"))
                .isEqualTo(HOSTILE);
        assertThat(Jsoup.parseBodyFragment("<a title=\"" + escaped + "\">x</a>").selectFirst("a").attr("title"))
                .isEqualTo(HOSTILE);
    }

    @Test
    void plainTextIsLeftAsItIs() {
        assertThat(HtmlText.escape("Contrat local de santé d’Échirolles")).isEqualTo("Contrat local de santé d’Échirolles");
        assertThat(HtmlText.escape("")).isEmpty();
    }
}
