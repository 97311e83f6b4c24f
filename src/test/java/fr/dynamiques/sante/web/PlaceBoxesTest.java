package fr.dynamiques.sante.web;

import static fr.dynamiques.sante.web.Pages.api;
import static fr.dynamiques.sante.web.Pages.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;
import fr.dynamiques.sante.territory.PlaceReader;

/**
 * Every box that asks for a place reads what people type the same way: the search page's territory card, the
 * suggestions (API and pages), the peers' page and the spreadsheet import. Codes and names are the COG's: 38114 is the
 * postal code of Allemond, Oz, Vaujany and Villard-Reculas, and the INSEE code of Clonas-sur-Varèze; 38130 is
 * Échirolles' postal code and La Côte-Saint-André's INSEE code.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class PlaceBoxesTest {

    @Inject
    PlaceReader reader;

    /** The territory card's entries, as "group heading: name" (the heading empty for a lone group of names). */
    private static List<String> card(String q) {
        Document page = page("/recherche?q=" + Formats.urlEncode(q));
        return page.select("section.named > ul > li:has(> a)").stream().map(li -> {
            Element heading = li.parent().previousElementSibling();
            String group = heading != null && heading.tagName().equals("h3") ? heading.text() : "";
            return group + ": " + li.selectFirst("a").text();
        }).toList();
    }

    private static JsonPath suggestions(String q) {
        return api("/api/v1/territories?q=" + q);
    }

    @Test
    void aFiveDigitNumberIsReadAsAPostalCodeAndAsAnInseeCodeEachSaidApart() {
        assertThat(card("38114")).containsExactly(
                "Code postal 38114: Allemond", "Code postal 38114: Vaujany", "Code postal 38114: Oz",
                "Code postal 38114: Villard-Reculas",
                "Code INSEE 38114: Clonas-sur-Varèze");
        JsonPath found = suggestions("38114");
        assertThat(found.getList("findAll { it.matchedBy == 'postalCode' }.name"))
                .containsExactly("Allemond", "Vaujany", "Oz", "Villard-Reculas");
        assertThat(found.getList("findAll { it.matchedBy == 'code' }.name")).containsExactly("Clonas-sur-Varèze");
        // The page's own suggestions say which is which.
        JsonPath typed = api("/api/v1/suggest?q=38114");
        assertThat(typed.getList("findAll { it.type == 'territory' }.context", String.class))
                .anyMatch(c -> c.endsWith("code postal 38114")).anyMatch(c -> c.endsWith("code INSEE 38114"));
    }

    @Test
    void arrondissementsAreFoundByNameRankAndPostalCode() {
        for (String q : List.of("Paris 18e", "Paris 18", "75018", "18e arrondissement de Paris")) {
            assertThat(card(q)).as(q).anyMatch(entry -> entry.endsWith(": Paris 18e Arrondissement"));
            assertThat(suggestions(q).getString("[0].code")).as(q).isEqualTo("75118");
        }
        // "Marseille 13" is the 13e arrondissement, before Marseille in the Bouches-du-Rhône (13).
        assertThat(suggestions("Marseille 13").getString("[0].code")).isEqualTo("13213");
    }

    @Test
    void namesAsPeopleWriteThemResolveWithoutAChoice() {
        Map<String, String> written = Map.ofEntries(
                Map.entry("Vaujany 38", "38527"),
                Map.entry("Vaujany - 38", "38527"),
                Map.entry("St Martin d'Heres", "38421"),
                Map.entry("St Martin d’Heres", "38421"),
                Map.entry("Saint–Martin–d’Hères", "38421"),
                Map.entry("Côte-Saint-André", "38130"),
                Map.entry("Communauté de commune Le Grésivaudan", "200018166"),
                Map.entry("Communauté De Communes Le Grésivaudan", "200018166"),
                Map.entry("C.C. Le Grésivaudan", "200018166"),
                Map.entry("Cté de communes du Grésivaudan", "200018166"),
                Map.entry("Agglo du Pays Voironnais", "243800984"),
                Map.entry("Communauté d’agglomération du Pays Voironnais", "243800984"));
        written.forEach((text, code) -> {
            assertThat(suggestions(text).getString("[0].code")).as("suggestions for " + text).isEqualTo(code);
            assertThat(suggestions(text).getString("[0].matchedBy")).as(text).isIn("name", "formerName");
            assertThat(card(text)).as("card for " + text).hasSize(1);
            PlaceReader.Reading read = reader.read(text, "territory", null);
            assertThat(read.code()).as("import of " + text).isEqualTo(code);
        });
        // A former commune with its département: the current commune, said so.
        JsonPath arzay = suggestions("Arzay 38");
        assertThat(arzay.getString("[0].matchedBy")).isEqualTo("formerName");
        assertThat(arzay.getString("[0].formerName")).isEqualTo("Arzay");
        assertThat(card("Arzay 38")).hasSize(1);
    }

    @Test
    void importsReadPostalCodesAfterInseeCodes() {
        // An INSEE code stays what a listing's code is; a code that is only a postal code gives its communes to choose from.
        assertThat(reader.read("38130", "communes", null).code()).isEqualTo("38130");
        PlaceReader.Reading postal = reader.read("38114", "communes", null);
        assertThat(postal.code()).isEqualTo("38114");
        PlaceReader.Reading onlyPostal = reader.read("38710", "communes", null);
        assertThat(onlyPostal.code()).isNull();
        assertThat(onlyPostal.candidates()).isNotEmpty().allMatch(c -> c.department().equals("38"));
    }

    @Test
    void thePeersPageReadsTheBoxAsTheSearchDoes() {
        Document peers = page("/coordinateurs?territoire=" + Formats.urlEncode("St Martin d'Heres"));
        assertThat(peers.title()).contains("Saint-Martin-d'Hères");
        Document postal = page("/coordinateurs?territoire=38114");
        assertThat(postal.title()).contains("Allemond");
        assertThat(postal.select("main").text()).contains("Vaujany").contains("Clonas-sur-Varèze");
    }

    @Test
    void eachResultSaysWhyItIsThereWhenTheQueryNamesATerritory() {
        long echirolles = SchemeFixtures.create(SchemeFixtures.cls("boxes-echirolles"));
        try {
            Indexing.await();
            Document page = page("/recherche?q=38130");
            assertThat(page.select("section.named").text()).contains("Échirolles").contains("La Côte-Saint-André");
            Element result = page.select("ol.hits li").stream()
                    .filter(li -> li.selectFirst("h3 a").attr("href").equals("/dispositifs/" + echirolles)).findFirst()
                    .orElseThrow();
            assertThat(result.select("p.why").text()).isEqualTo("Couvre Échirolles");
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + echirolles);
        }
    }
}
