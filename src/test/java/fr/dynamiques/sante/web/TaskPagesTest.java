package fr.dynamiques.sante.web;

import static fr.dynamiques.sante.web.Pages.api;
import static fr.dynamiques.sante.web.Pages.page;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;

/**
 * The pages walked as people doing their tasks: finding what covers their commune, browsing down a département,
 * planning renewals, reading the same figure in two places, finding the legal notice and accessibility statement.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class TaskPagesTest {

    private static String communeCode(String name) {
        return api("/api/v1/territories?q=" + name + "&level=commune")
                .getList("findAll { it.name == '" + name + "' }.code", String.class)
                .get(0);
    }

    @Test
    void aSearchNamingACommuneLeadsWithItAndSaysWhatCoversIt() {
        String vaujany = communeCode("Vaujany");
        assertThat(api("/api/v1/schemes?commune=" + vaujany + "&status=ACTIVE,RENEWAL").getLong("total")).isZero();
        Element named = page("/recherche?q=Vaujany").selectFirst("section.named");
        assertThat(named).as("the territory box").isNotNull();
        assertThat(named.select("a").eachAttr("href")).contains("/territoires/communes/" + vaujany);
        assertThat(named.text()).contains("aucun dispositif en cours ne couvre ce territoire");

        String grenoble = communeCode("Grenoble");
        JsonPath covering = api("/api/v1/schemes?commune=" + grenoble + "&status=ACTIVE,RENEWAL&size=200");
        assertThat(covering.getLong("total")).isPositive();
        Element box = page("/recherche?q=grenoble").selectFirst("section.named li");
        assertThat(box.text()).contains(covering.getLong("total") == 1 ? "1 dispositif en cours le couvre"
                : covering.getLong("total") + " dispositifs en cours le couvrent");
        // The schemes covering it, named before whom to call (which names the nearest schemes of the kinds that do not).
        assertThat(box.select("> a[href^=/dispositifs/]").eachText()).isSubsetOf(covering.getList("items.name", String.class))
                .isNotEmpty();
        // A query naming no territory has no such box.
        assertThat(page("/recherche?q=sant%C3%A9+mentale").select("section.named")).isEmpty();
    }

    @Test
    void aDepartmentPageLeadsDownToItsEpcisAndCommunes() {
        Document isere = page("/territoires/departements/38");
        List<String> communes = isere.select("details a[href^=/territoires/communes/]").eachAttr("href");
        assertThat(communes).hasSize(api("/api/v1/territories/departments/38").getInt("communeCount"));
        List<String> epcis = isere.select("details a[href^=/territoires/epci/]").eachAttr("href");
        assertThat(epcis).contains("/territoires/epci/200040715");
        assertThat(epcis).allSatisfy(href -> given().get(href).then().statusCode(200));
    }

    @Test
    void schemesWithoutAnEndDateAreSaidAndCountedAndRecentRecordsAreNotStale() {
        Map<String, Object> body = SchemeFixtures.cls("tasks-undated");
        body.remove("endDate");
        body.remove("lastVerified"); // never checked, but created today: not a record to refresh yet
        long scheme = SchemeFixtures.create(body);
        try {
            assertThat(page("/dispositifs/" + scheme).select("dl.facts").text())
                    .contains("non renseignée (dispositif en cours)");
            Document ending = page("/echeances?region=84");
            Element row = ending.selectFirst("section:has(#sans-fin) tbody tr:has(th:contains(Auvergne-Rhône-Alpes))");
            assertThat(row).isNotNull();
            long counted = Long.parseLong(row.selectFirst("td").text().replaceAll("\\D", ""));
            // Named too, with its link, where it is and only there.
            assertThat(ending.select("section:has(#sans-fin) li a[href=/dispositifs/" + scheme + "]")).hasSize(1);
            assertThat(page("/echeances?region=11").select("a[href=/dispositifs/" + scheme + "]")).isEmpty();
            assertThat(ending.select("section:has(#non-verifiees)").text())
                    .contains("Une fiche jamais vérifiée compte depuis sa création");
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme).then().statusCode(204);
            Element after = page("/echeances?region=84")
                    .selectFirst("section:has(#sans-fin) tbody tr:has(th:contains(Auvergne-Rhône-Alpes))");
            long remaining = after == null ? 0 : Long.parseLong(after.selectFirst("td").text().replaceAll("\\D", ""));
            assertThat(counted - remaining).as("the undated scheme counted in its région").isEqualTo(1);
            assertThat(ending.select("section:has(#non-verifiees) a[href=/dispositifs/" + scheme + "]")).isEmpty();
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme);
        }
    }

    @Test
    void anEmptyListOfDeadlinesStillOffersItsDownloads() {
        Document empty = page("/echeances?mois=3&region=11&kind=CLSM");
        assertThat(empty.selectFirst("p[role=status]").text()).startsWith("Aucun dispositif");
        assertThat(empty.select("a[href^=/echeances/export.csv]")).hasSize(1);
        assertThat(empty.select("a[href^=/echeances/export.xlsx]")).hasSize(1);
        given().get(empty.selectFirst("a[href^=/echeances/export.csv]").attr("href")).then().statusCode(200);
    }

    @Test
    void theHomeAndTheRegionPageCountTheSameSchemes() {
        Document home = page("/");
        Element ara = home.selectFirst("section:has(#by-region) a[href=/territoires/regions/84]").parent();
        String atWork = ara.selectFirst(".count").text().replaceAll("\\D", "");
        assertThat(page("/territoires/regions/84").selectFirst("#dispositifs").text()).contains(": " + atWork + " en cours");
        // Collectivities with no inhabitant and no scheme are left out of the way in by région.
        List<Map<String, Object>> regions = api("/api/v1/coverage?level=region").getList("$");
        long shown = regions.stream()
                .filter(r -> ((Number) r.get("population")).longValue() > 0 || ((Number) r.get("schemeCount")).intValue() > 0)
                .count();
        assertThat(home.select("section:has(#by-region) li")).hasSize((int) shown).hasSizeLessThan(regions.size());
    }

    @Test
    void everyPageLinksTheLegalNoticeTheAccessibilityStatementAndTheDataLicence() {
        for (String path : List.of("/", "/recherche?q=sant%C3%A9", "/couverture", "/nulle-part")) {
            Document doc = Jsoup.parse(given().get(path).asString());
            assertThat(doc.select("footer a").eachAttr("href")).as(path)
                    .contains("/mentions-legales", "/accessibilite",
                            "https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
        }
        Document legal = page("/mentions-legales");
        assertThat(legal.selectFirst("h1").text()).isEqualTo("Mentions légales");
        assertThat(legal.text()).contains("Directeur ou directrice de la publication", "Hébergeur", "Licence Ouverte");
        Document statement = page("/accessibilite");
        assertThat(statement.selectFirst("h1").text()).isEqualTo("Déclaration d'accessibilité");
        assertThat(statement.text()).contains("RGAA 4.1.2", "non conforme", "Défenseur des droits");
        assertThat(page("/accessibilite?lang=en").selectFirst("h1").text()).isEqualTo("Accessibility statement");
    }

    @Test
    void aTerritoryPageNamesWhichSchemesOverlapWhich() {
        long cls = SchemeFixtures.create(SchemeFixtures.cls("tasks-pair-cls"));
        long cpts = SchemeFixtures.create(SchemeFixtures.cpts("tasks-pair-cpts", List.of("38151", "38169"), List.of()));
        try {
            Document isere = page("/territoires/departements/38");
            List<Element> rows = isere.select("section:has(#paires) tbody tr");
            assertThat(rows).isNotEmpty();
            // As many pairs as the kind x kind counts add up to, on the same page.
            int counted = isere.select("section:has(#chevauchements) tbody tr").stream()
                    .mapToInt(tr -> Integer.parseInt(tr.select("td").get(0).text().replaceAll("\\D", ""))).sum();
            assertThat(isere.selectFirst("#paires").text()).startsWith(counted + " paire");
            Element pair = rows.stream().filter(tr -> tr.select("a").eachAttr("href").containsAll(
                    List.of("/dispositifs/" + cls, "/dispositifs/" + cpts))).findFirst().orElseThrow();
            assertThat(pair.select("td.num").first().text()).as("shared communes").isEqualTo("1");
            for (Element row : rows) {
                String first = row.selectFirst("th a").attr("href").replace("/dispositifs/", "");
                String second = row.selectFirst("td a").attr("href").replace("/dispositifs/", "");
                List<Object> overlapping = api("/api/v1/schemes/" + first + "/overlaps").getList("scheme.id");
                assertThat(overlapping.stream().map(String::valueOf)).as("the API says %s overlaps %s", first, second)
                        .contains(second);
            }
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + cls);
            SchemeFixtures.admin().delete("/api/v1/schemes/" + cpts);
        }
    }

    @Test
    void aThemeFindsTheSchemesTaggedWithATagNamingItOnThePeersAndSearchPages() {
        Map<String, Object> body = SchemeFixtures.cls("tasks-tagged");
        body.put("themes", List.of("semaines d'information sur la santé mentale"));
        long scheme = SchemeFixtures.create(body);
        try {
            Indexing.await();
            Document peers = page("/coordinateurs?territoire=%C3%89chirolles&theme=sant%C3%A9%20mentale");
            Element peer = peers.selectFirst("ul.peers li:has(a[href=/dispositifs/" + scheme + "])");
            assertThat(peer).as("the tagged scheme among the peers").isNotNull();
            assertThat(peer.selectFirst(".themes").text()).contains("semaines d'information sur la santé mentale");
            assertThat(page("/recherche?q=&theme=sant%C3%A9%20mentale").select("ol.hits a").eachAttr("href"))
                    .contains("/dispositifs/" + scheme);
            assertThat(api("/api/v1/schemes?theme=santé mentale&size=200").getList("items.id", Long.class)).contains(scheme);
            // A theme it does not name keeps it out.
            assertThat(page("/recherche?q=&theme=jardins%20partag%C3%A9s").select("ol.hits a").eachAttr("href"))
                    .doesNotContain("/dispositifs/" + scheme);
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme);
        }
    }

    @Test
    void withoutAPublicCoordinatorAPageSaysWhoToAsk() {
        long carried = SchemeFixtures.create(SchemeFixtures.cls("tasks-carried"));
        Map<String, Object> uncarried = SchemeFixtures.cls("tasks-uncarried");
        uncarried.put("partners", List.of(SchemeFixtures.partner("Préfecture de l'Isère", "STATE", "SIGNATORY")));
        long orphan = SchemeFixtures.create(uncarried);
        try {
            Element carrier = page("/dispositifs/" + carried).selectFirst("section:has(#coordination)");
            assertThat(carrier.text()).contains("Aucun coordinateur", "adressez-vous à son porteur : Ville d'Échirolles.");
            Element agency = page("/dispositifs/" + orphan).selectFirst("section:has(#coordination)");
            assertThat(agency.text()).contains(
                    "l'agence régionale de santé : ARS Auvergne-Rhône-Alpes (https://www.auvergne-rhone-alpes.ars.sante.fr).");
            assertThat(agency.select("a[href=https://www.auvergne-rhone-alpes.ars.sante.fr]")).hasSize(1);
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + carried);
            SchemeFixtures.admin().delete("/api/v1/schemes/" + orphan);
        }
    }

    @Test
    void aCarriersPublicContactsAreWhomToCallWhenNoCoordinatorIsShown() {
        Map<String, Object> body = SchemeFixtures.cls("tasks-contacts");
        Map<String, Object> carrier = new java.util.HashMap<>(
                Map.of("name", "Centre communal d'action sociale de Test", "type", "OTHER",
                        "website", "https://ccas.example.org", "email", "accueil@ccas.example.org", "phone", "04 76 00 00 01",
                        "address", "1 place de la Mairie, 38130 Échirolles"));
        body.put("partners", List.of(Map.of("organisation", carrier, "roles", List.of("CARRIER"))));
        body.put("coordinators",
                List.of(SchemeFixtures.coordinator("Dominique", "Fictif", "dominique.fictif@example.org", false)));
        long scheme = SchemeFixtures.create(body);
        try {
            // The organisation's contacts are public; the coordinator who did not consent stays hidden.
            io.restassured.path.json.JsonPath answer = given().get("/api/v1/schemes/" + scheme).jsonPath();
            assertThat(answer.getString("partners[0].organisation.email")).isEqualTo("accueil@ccas.example.org");
            assertThat(answer.getString("partners[0].organisation.address"))
                    .isEqualTo("1 place de la Mairie, 38130 Échirolles");
            assertThat(answer.getString("coordinators[0].email")).isNull();
            Element section = page("/dispositifs/" + scheme).selectFirst("section:has(#coordination)");
            assertThat(section.text()).contains("adressez-vous à son porteur", "04 76 00 00 01", "1 place de la Mairie")
                    .doesNotContain("dominique.fictif");
            assertThat(section.select("a[href=mailto:accueil@ccas.example.org]")).hasSize(1);
            assertThat(section.select("a[href=https://ccas.example.org]")).hasSize(1);
            // Not an address: refused at its field.
            carrier.put("email", "pas une adresse");
            Map<String, Object> wrong = SchemeFixtures.cls("tasks-contacts-wrong");
            wrong.put("partners", List.of(Map.of("organisation", carrier, "roles", List.of("CARRIER"))));
            SchemeFixtures.admin().body(wrong).post("/api/v1/schemes").then().statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("partners[0].organisation.email"));
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme);
        }
    }

    /** The schemes at work the API lists for this query, every page of them. */
    private static List<Map<String, Object>> atWork(String query) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0;; page++) {
            List<Map<String, Object>> items = api("/api/v1/schemes?status=ACTIVE,RENEWAL&size=200&page=" + page + query)
                    .getList("items");
            all.addAll(items);
            if (items.size() < 200) {
                return all;
            }
        }
    }

    /** The worklist's count of schemes lacking an end date, and the number considered, on this page. */
    private static long[] undated(Document space) {
        Element section = space.selectFirst("section:has(#manques)");
        String lacking = section.selectFirst("li:contains(une date de fin)").text().replaceAll(".*: ", "").replaceAll("\\D",
                "");
        String considered = section.selectFirst("p:contains(pris en compte)").text().replaceAll("\\D", "");
        return new long[] { Long.parseLong(lacking), Long.parseLong(considered) };
    }

    @Test
    void anArsOfficerNarrowsTheWorklistByKindAndDepartement() {
        SignedInPagesTest.account("tasks-worklist-ars84@example.org", "ARS", List.of("84"), List.of());
        String session = SignedInPagesTest.session("tasks-worklist-ars84@example.org");
        // Two schemes of the région without an end date, named to come first: a CLS in Isère, a CPTS in the Drôme.
        Map<String, Object> clsBody = SchemeFixtures.cls("tasks-worklist-cls");
        clsBody.put("name", "Aaa tâches CLS sans fin");
        clsBody.remove("endDate");
        long cls = SchemeFixtures.create(clsBody);
        Map<String, Object> cptsBody = SchemeFixtures.cpts("tasks-worklist-cpts", List.of("26362"), List.of());
        cptsBody.put("name", "Aaa tâches CPTS sans fin");
        long cpts = SchemeFixtures.create(cptsBody);
        try {
            String clsLink = "a[href=/dispositifs/" + cls + "]";
            String cptsLink = "a[href=/dispositifs/" + cpts + "]";
            for (String[] filter : List.of(new String[] { "CLS", "38" }, new String[] { "CPTS", "26" },
                    new String[] { "CLS", "" },
                    new String[] { "", "26" })) {
                String query = "&type=" + filter[0] + "&departement=" + filter[1];
                Document space = SignedInPagesTest.page(session, "/espace?manque=END_DATE" + query);
                // The counts are the API's for the same kind and département (the région's départements when none).
                String apiQuery = (filter[0].isEmpty() ? "" : "&kind=" + filter[0])
                        + (filter[1].isEmpty() ? "&region=84" : "&department=" + filter[1]);
                List<Map<String, Object>> expected = atWork(apiQuery);
                long[] counted = undated(space);
                assertThat(counted[0]).as(query).isEqualTo(expected.stream().filter(m -> m.get("endDate") == null).count());
                assertThat(counted[1]).as(query).isEqualTo(expected.size());
                Element list = space.selectFirst("section:has(#manques) .columns-list");
                boolean clsKept = !filter[0].equals("CPTS") && !filter[1].equals("26");
                assertThat(list.select(clsLink)).as(query).hasSize(clsKept ? 1 : 0);
                assertThat(list.select(cptsLink)).as(query).hasSize(clsKept ? 0 : 1);
                // The form says the filters chosen and keeps the lack; the lacks' links keep the filters.
                Element form = space.selectFirst("section:has(#manques) form[method=get]");
                assertThat(form.selectFirst("input[type=hidden][name=manque]").val()).isEqualTo("END_DATE");
                assertThat(form.select("select[name=type] option[selected]").eachAttr("value"))
                        .isEqualTo(filter[0].isEmpty() ? List.of() : List.of(filter[0]));
                assertThat(form.select("select[name=departement] option[selected]").eachAttr("value"))
                        .isEqualTo(filter[1].isEmpty() ? List.of() : List.of(filter[1]));
                assertThat(form.selectFirst("label[for=manques-departement]")).isNotNull();
                assertThat(form.selectFirst("button[type=submit]").text()).isEqualTo("Filtrer");
                assertThat(space.selectFirst("section:has(#manques) a[href^=/espace?manque=CONTACT]").attr("href"))
                        .contains(filter[0].isEmpty() ? "manque=CONTACT" : "&type=" + filter[0])
                        .contains(filter[1].isEmpty() ? "manque=CONTACT" : "&departement=" + filter[1]);
            }
            long[] all = undated(SignedInPagesTest.page(session, "/espace"));
            long[] narrowed = undated(SignedInPagesTest.page(session, "/espace?type=CLS&departement=38"));
            assertThat(narrowed[0]).isPositive().isLessThan(all[0]);
            assertThat(narrowed[1]).isLessThan(all[1]);
            // Several départements at once: the worklist of all of them; the form and the lacks' links keep each.
            Document two = SignedInPagesTest.page(session, "/espace?manque=END_DATE&departement=38&departement=26");
            List<Map<String, Object>> both = atWork("&department=38,26");
            long[] counted = undated(two);
            assertThat(counted[0]).isEqualTo(both.stream().filter(m -> m.get("endDate") == null).count());
            assertThat(counted[1]).isEqualTo(both.size())
                    .isGreaterThan(undated(SignedInPagesTest.page(session, "/espace?departement=38"))[1]);
            Element listed = two.selectFirst("section:has(#manques) .columns-list");
            assertThat(listed.select(clsLink)).hasSize(1);
            assertThat(listed.select(cptsLink)).hasSize(1);
            Element form = two.selectFirst("section:has(#manques) form[method=get]");
            assertThat(form.select("select[name=departement][multiple] option[selected]").eachAttr("value"))
                    .containsExactlyInAnyOrder("38", "26");
            assertThat(two.selectFirst("section:has(#manques) a[href^=/espace?manque=CONTACT]").attr("href"))
                    .contains("&departement=38&departement=26");
            assertThat(undated(SignedInPagesTest.page(session, "/espace?departement=38,26")))
                    .isEqualTo(undated(SignedInPagesTest.page(session, "/espace?departement=38&departement=26")));
            // What the form cannot give is refused on a page, not ignored.
            for (String bad : List.of("type=NOPE", "departement=75", "departement=zz", "departement=38&departement=75")) {
                Response refused = given().cookie(Visitor.SESSION, session).get("/espace?" + bad);
                assertThat(refused.statusCode()).as(bad).isEqualTo(400);
                assertThat(refused.contentType()).as(bad).startsWith("text/html");
                assertThat(Jsoup.parse(refused.asString()).select("h1")).as(bad).hasSize(1);
            }
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + cls);
            SchemeFixtures.admin().delete("/api/v1/schemes/" + cpts);
        }
    }

    @Test
    void theApiExportsKeepTheFiltersOfTheList() {
        int inIsere = api("/api/v1/schemes?department=38&size=1").getInt("total");
        assertThat(inIsere).isPositive();
        List<Map<String, Object>> exported = api("/api/v1/schemes/export.json?department=38").getList("$");
        assertThat(exported).hasSize(inIsere);
        assertThat(exported).allSatisfy(s -> assertThat(s.get("departments").toString()).contains("38"));
        String csvExport = given().get("/api/v1/schemes/export.csv?kind=CPTS").then().statusCode(200).extract().asString();
        assertThat(csvExport.strip().split("\n")).hasSize(api("/api/v1/schemes?kind=CPTS&size=1").getInt("total") + 1);
        given().get("/api/v1/schemes/export.csv?kind=NOPE").then().statusCode(400).contentType("application/problem+json");
        // A misspelt filter is refused, not ignored (the whole registry would come back).
        given().get("/api/v1/schemes/export.json?departement=38").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/schemes?departement=38").then().statusCode(400);
        assertThat(api("/api/v1/schemes/export.json").getList("$")).hasSize(api("/api/v1/schemes?size=1").getInt("total"));
    }
}
