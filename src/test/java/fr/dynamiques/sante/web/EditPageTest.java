package fr.dynamiques.sante.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeFixtures;
import fr.dynamiques.sante.search.FreshRegistryProfile;
import fr.dynamiques.sante.search.Indexing;

/**
 * Every field of a scheme on a page: created by an ARS officer from names as people type them (a typo, a homonym, "St"),
 * edited and written back unchanged, refused with its mistakes next to their boxes, and kept within roles and régions.
 * Each through the page's own form, as a browser sends it, against the real registry.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class EditPageTest {

    @Test
    void anArsOfficerCreatesASchemeFromNamesWithATypoAndAHomonymChoosingWhatTheDirectoryCannotDecide() {
        SignedInPagesTest.account("edit-ars@example.org", "ARS", List.of("84"), List.of());
        String session = SignedInPagesTest.session("edit-ars@example.org");
        String name = "Contrat local de santé de la page " + System.nanoTime();

        Document blank = SignedInPagesTest.page(session, "/espace/dispositifs/nouveau?type=CLS");
        assertThat(blank.selectFirst("#generation")).as("a CLS has generations").isNotNull();
        assertThat(blank.selectFirst("#cptsStage")).as("a CLS has no CPTS stage").isNull();
        PageForm form = PageForm.of(blank, "form.edit").set("name", name)
                .set("places", "Échirolles\nEybbens\nFontaine\nSt Martin d'Hères").set("startDate", "01/06/2023")
                .set("generation", "1")
                .set("partners[0].organisation.name", "Ville d'Échirolles (page)")
                .set("partners[0].organisation.type", "COMMUNE")
                .add("partners[0].roles", "CARRIER").add("partners[0].roles", "SIGNATORY")
                .set("partners[0].organisation.website", "https://www.echirolles.example")
                .set("partners[0].organisation.email", "accueil@echirolles.example")
                .set("partners[0].organisation.phone", "04 76 20 63 00")
                .set("fundings[0].organisation", "ARS Auvergne-Rhône-Alpes").set("fundings[0].year", "2025")
                .set("fundings[0].amountEuros", "35 000,50")
                .set("coordinators[0].firstName", "Camille").set("coordinators[0].lastName", "Page")
                .set("coordinators[0].title", "Coordinatrice CLS")
                .set("coordinators[0].email", "camille.page@example.org").set("coordinators[0].publicContact", "1")
                .set("amendments[0].date", "15/03/2024").set("amendments[0].title", "Avenant n°1 : santé mentale")
                .set("approach.PARTNERSHIP.score", "2");

        // Read and drawn on the server, nothing written: what is one territory is found, the rest waits for a choice.
        Response read = form.submit(session, "apercu");
        assertThat(read.statusCode()).isEqualTo(200);
        Document preview = Jsoup.parse(read.asString());
        assertThat(preview.selectFirst("#places").text()).contains("Échirolles (38151)")
                .contains("Saint-Martin-d'Hères (38421)");
        Element typo = choiceFor(preview, "Eybbens");
        assertThat(typo.select("input[type=radio]").stream().limit(3).map(r -> r.val())).as("the typo's three first candidates")
                .contains("38158");
        Element homonym = choiceFor(preview, "Fontaine");
        assertThat(homonym.select("input[type=radio]").stream().map(r -> r.val())).contains("38169").hasSizeGreaterThan(2);
        assertThat(preview.select("#carte svg path")).as("the perimeter's map").isNotEmpty();
        assertThat(count(name)).isZero();

        // Saved while names wait: refused, said next to the perimeter, nothing written.
        PageForm again = PageForm.of(preview, "form.edit");
        Response refused = again.submit(session, "enregistrer");
        assertThat(refused.statusCode()).isEqualTo(400);
        Document errors = Jsoup.parse(refused.asString());
        assertThat(errors.select("#erreurs[role=alert] a[href=#places]")).isNotEmpty();
        assertThat(errors.selectFirst("#places").attr("aria-invalid")).isEqualTo("true");
        assertThat(count(name)).isZero();

        // Chosen, then saved: created, published at once, with every field as typed.
        again.add("choix-" + index(typo), "38158").add("pour-" + index(typo), "Eybbens");
        again.add("choix-" + index(homonym), "38169").add("pour-" + index(homonym), "Fontaine");
        Response saved = again.submit(session, "enregistrer");
        assertThat(saved.statusCode()).as(saved.asString()).isEqualTo(303);
        long id = Long.parseLong(saved.header("Location").replaceAll(".*/dispositifs/", ""));
        try {
            JsonPath scheme = SchemeFixtures.admin().get("/api/v1/schemes/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(scheme.getList("perimeter.communes", String.class)).containsExactlyInAnyOrder("38151", "38158", "38169",
                    "38421");
            long population = 0;
            for (String code : List.of("38151", "38158", "38169", "38421")) {
                population += given().get("/api/v1/territories/communes/" + code).then().statusCode(200).extract().jsonPath()
                        .getLong("population");
            }
            assertThat(scheme.getLong("population")).as("the population of the four communes, as the COG gives each")
                    .isEqualTo(population);
            assertThat(scheme.getString("ref")).startsWith("cls-contrat-local-de-sante-de-la-page-");
            assertThat(scheme.getString("startDate")).isEqualTo("2023-06-01");
            assertThat(scheme.getInt("generation")).isEqualTo(1);
            assertThat(scheme.getString("partners[0].organisation.name")).isEqualTo("Ville d'Échirolles (page)");
            assertThat(scheme.getList("partners[0].roles", String.class)).containsExactly("CARRIER", "SIGNATORY");
            assertThat(scheme.getString("partners[0].organisation.email")).isEqualTo("accueil@echirolles.example");
            assertThat(scheme.getDouble("fundings[0].amountEuros")).isEqualTo(35000.5);
            assertThat(scheme.getString("coordinators[0].email")).isEqualTo("camille.page@example.org");
            assertThat(scheme.getBoolean("coordinators[0].publicContact")).isTrue();
            assertThat(scheme.getString("coordinators[0].publicContactSince")).isEqualTo(LocalDate.now().toString());
            assertThat(scheme.getString("amendments[0].date")).isEqualTo("2024-03-15");
            assertThat(scheme.getInt("approach[0].score")).isEqualTo(2);
            assertThat(
                    SchemeFixtures.admin().get("/api/v1/schemes/" + id + "/history").jsonPath().getList("action", String.class))
                    .containsExactly("CREATE");
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void theEditFormWritesBackWhatItShowsAndChangesEveryKindOfField() {
        Map<String, Object> body = SchemeFixtures.cls("edit-roundtrip");
        List<Object> coordinators = new ArrayList<>();
        coordinators.add(SchemeFixtures.coordinator("Dominique", "Publique", "dominique.publique@example.org", true));
        coordinators.add(SchemeFixtures.coordinator("Sacha", "Discrète", "sacha.discrete@example.org", false));
        body.put("coordinators", coordinators);
        body.put("amendments", List.of(new LinkedHashMap<>(Map.of("date", "2023-02-01", "title", "Avenant n°1"))));
        long id = SchemeFixtures.create(body);
        try {
            SignedInPagesTest.account("edit-roundtrip@example.org", "ARS", List.of("84"), List.of());
            String session = SignedInPagesTest.session("edit-roundtrip@example.org");
            Map<String, Object> before = comparable(id);

            Document page = SignedInPagesTest.page(session, "/espace/dispositifs/" + id + "/modifier");
            // The coordinator who did not consent is kept by id, their data never in the page of an ARS officer.
            assertThat(page.outerHtml()).doesNotContain("sacha.discrete@example.org").doesNotContain("Discrète");
            PageForm unchanged = PageForm.of(page, "form.edit");
            Response back = unchanged.submit(session, "enregistrer");
            assertThat(back.statusCode()).as(Jsoup.parse(back.asString()).select("#erreurs").text() + " / " + unchanged)
                    .isEqualTo(303);
            assertThat(comparable(id)).as("written back unchanged").isEqualTo(before);

            page = SignedInPagesTest.page(session, "/espace/dispositifs/" + id + "/modifier");
            PageForm form = PageForm.of(page, "form.edit").set("endDate", "31/12/2027").set("places", "38151\nEybens")
                    .set("partners[0].remove", "1").set("fundings[0].amountEuros", "12 500")
                    .set("coordinators[2].firstName", "Alex").set("coordinators[2].lastName", "Nouveau")
                    .set("coordinators[2].email", "alex.nouveau@example.org")
                    .set("amendments[1].date", "2025-01-10").set("amendments[1].title", "Avenant n°2")
                    .set("projectStep", "EVALUATION").set("themes", "santé mentale, nutrition");
            assertThat(form.submit(session, "enregistrer").statusCode()).isEqualTo(303);
            JsonPath after = SchemeFixtures.admin().get("/api/v1/schemes/" + id).jsonPath();
            assertThat(after.getString("endDate")).isEqualTo("2027-12-31");
            assertThat(after.getList("perimeter.communes", String.class)).containsExactly("38151", "38158");
            // The ARS removed as a partner stays only as what its funding makes it: a funder, no longer a signatory.
            assertThat(
                    after.getList("partners.find { it.organisation.name == 'ARS Auvergne-Rhône-Alpes' }.roles", String.class))
                    .containsExactly("FUNDER");
            assertThat(after.getDouble("fundings[0].amountEuros")).isEqualTo(12500.0);
            assertThat(after.getList("coordinators.email", String.class))
                    .containsExactly("dominique.publique@example.org", "sacha.discrete@example.org",
                            "alex.nouveau@example.org");
            assertThat(after.getBoolean("coordinators[2].publicContact")).as("no consent unless ticked").isFalse();
            assertThat(after.getList("amendments.title", String.class)).containsExactly("Avenant n°1", "Avenant n°2");
            assertThat(after.getString("projectStep")).isEqualTo("EVALUATION");
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void mistakesStandNextToTheirBoxesInFrenchAndNothingIsWritten() {
        long id = SchemeFixtures.create(SchemeFixtures.cls("edit-mistakes"));
        try {
            SignedInPagesTest.account("edit-mistakes@example.org", "ARS", List.of("84"), List.of());
            String session = SignedInPagesTest.session("edit-mistakes@example.org");
            Map<String, Object> before = comparable(id);
            PageForm form = PageForm.of(SignedInPagesTest.page(session, "/espace/dispositifs/" + id + "/modifier"), "form.edit")
                    .set("endDate", "2020-01-01").set("website", "www.sans-protocole.example")
                    .set("fundings[0].year", "deux mille")
                    .set("coordinators[0].firstName", "Léa").set("coordinators[0].lastName", "Erreur")
                    .set("coordinators[0].email", "pas-une-adresse")
                    .set("startDate", "31/02/2024");
            Response answer = form.submit(session, "enregistrer");
            assertThat(answer.statusCode()).isEqualTo(400);
            Document page = Jsoup.parse(answer.asString());
            List<String> boxes = List.of("startDate", "website", "fundings-0-year", "coordinators-0-email");
            for (String box : boxes) {
                Element input = page.getElementById(box);
                assertThat(input).as(box).isNotNull();
                assertThat(input.attr("aria-invalid")).as(box).isEqualTo("true");
                String described = input.attr("aria-describedby");
                assertThat(page.getElementById(box + "-error")).as(box + "'s message").isNotNull();
                assertThat(described).as(box).contains(box + "-error");
                assertThat(page.select("#erreurs a[href=#" + box + "]")).as("the summary links to " + box).isNotEmpty();
            }
            assertThat(page.getElementById("coordinators-0-email-error").text()).contains("adresse électronique");
            assertThat(page.getElementById("startDate-error").text()).contains("une date, comme 15/03/2024");
            assertThat(page.getElementById("fundings-0-year").val()).as("what was typed stays").isEqualTo("deux mille");
            assertThat(comparable(id)).as("nothing written").isEqualTo(before);

            // The end before the start, once the start reads: the registry's own check, next to the end date.
            Response ends = PageForm.of(page, "form.edit").set("startDate", "2021-06-01").set("fundings[0].year", "2024")
                    .set("coordinators[0].email", "lea.erreur@example.org").set("website", "https://ok.example")
                    .submit(session, "enregistrer");
            assertThat(ends.statusCode()).isEqualTo(400);
            assertThat(Jsoup.parse(ends.asString()).getElementById("endDate-error").text())
                    .contains("pas avant la date de début");
            assertThat(comparable(id)).isEqualTo(before);
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + id).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void creatingStaysWithinRolesAndRegions() {
        long echirolles = SchemeFixtures.create(SchemeFixtures.cls("edit-scope"));
        try {
            SignedInPagesTest.account("edit-scope-ars@example.org", "ARS", List.of("84"), List.of());
            SignedInPagesTest.account("edit-scope-partner@example.org", "PARTNER", List.of("84"), List.of());
            given().cookie(Visitor.SESSION, SignedInPagesTest.session("edit-scope-partner@example.org"))
                    .get("/espace/dispositifs/nouveau")
                    .then().statusCode(403);

            String ars = SignedInPagesTest.session("edit-scope-ars@example.org");
            String name = "CLS hors région " + System.nanoTime();
            Response outside = PageForm.of(SignedInPagesTest.page(ars, "/espace/dispositifs/nouveau?type=CLS"), "form.edit")
                    .set("name", name).set("places", "Marseille (13055)").submit(ars, "enregistrer");
            assertThat(outside.statusCode()).isEqualTo(403);
            assertThat(Jsoup.parse(outside.asString()).select("#erreurs[role=alert]").text()).contains("84");
            assertThat(count(name)).isZero();

            // Without the form's token, nothing is written either.
            given().cookie(Visitor.SESSION, ars).redirects().follow(false).formParam("name", name).formParam("kind", "CLS")
                    .formParam("places", "38151").formParam("action", "enregistrer").post("/espace/dispositifs/nouveau")
                    .then().statusCode(403);
            assertThat(count(name)).isZero();
        } finally {
            SchemeFixtures.admin().delete("/api/v1/schemes/" + echirolles).then().statusCode(204);
            Indexing.await();
        }
    }

    @Test
    void aCoordinatorProposesANewSchemeWhichTheArsApprovesAndTheCoordinatorThenAnswersFor() {
        long echirolles = SchemeFixtures.create(SchemeFixtures.cls("edit-propose-new"));
        Long created = null;
        try {
            long account = SignedInPagesTest.account("edit-propose-coordinator@example.org", "COORDINATOR", List.of(),
                    List.of(String.valueOf(echirolles)));
            SignedInPagesTest.account("edit-propose-ars84@example.org", "ARS", List.of("84"), List.of());
            SignedInPagesTest.account("edit-propose-ars11@example.org", "ARS", List.of("11"), List.of());
            String coordinator = SignedInPagesTest.session("edit-propose-coordinator@example.org");
            String name = "CLS proposé par une coordinatrice " + System.nanoTime();

            Document blank = SignedInPagesTest.page(coordinator, "/espace/dispositifs/nouveau?type=CLS");
            assertThat(blank.select("button[value=enregistrer]").text()).isEqualTo("Proposer ce dispositif");
            Response proposed = PageForm.of(blank, "form.edit").set("name", name).set("places", "Eybens")
                    .set("coordinators[0].firstName", "Noa").set("coordinators[0].lastName", "Proposante")
                    .set("coordinators[0].email", "noa.proposante@example.org").submit(coordinator, "enregistrer");
            assertThat(proposed.statusCode()).as(Jsoup.parse(proposed.asString()).select("#erreurs").text()).isEqualTo(303);
            assertThat(proposed.header("Location")).endsWith("/espace?fait=propose");
            assertThat(count(name)).as("a proposal, not a scheme").isZero();

            // The officer of another région does not see it; the officer of its région does, with what it would publish.
            String ars11 = SignedInPagesTest.session("edit-propose-ars11@example.org");
            assertThat(SignedInPagesTest.page(ars11, "/espace").text()).doesNotContain(name);
            String ars84 = SignedInPagesTest.session("edit-propose-ars84@example.org");
            Element proposal = SignedInPagesTest.page(ars84, "/espace").select("article.proposal").stream()
                    .filter(a -> a.text().contains(name)).findFirst().orElseThrow();
            assertThat(proposal.selectFirst("h3").text()).isEqualTo("Nouveau dispositif proposé : " + name);
            assertThat(proposal.text()).doesNotContain("noa.proposante@example.org");
            String approve = proposal.selectFirst("form[action$=/approuver]").attr("action");
            given().cookie(Visitor.SESSION, ars11).redirects().follow(false).formParam("csrf", SignedInPagesTest.csrf(ars11))
                    .post(approve)
                    .then().statusCode(403);
            assertThat(count(name)).isZero();
            given().cookie(Visitor.SESSION, ars84).redirects().follow(false).formParam("csrf", SignedInPagesTest.csrf(ars84))
                    .post(approve)
                    .then().statusCode(303);

            assertThat(count(name)).isEqualTo(1);
            created = QuarkusTransaction.requiringNew().call(() -> Scheme.<Scheme> find("name", name).firstResult().id);
            JsonPath scheme = SchemeFixtures.admin().get("/api/v1/schemes/" + created).jsonPath();
            assertThat(scheme.getList("perimeter.communes", String.class)).containsExactly("38158");
            assertThat(scheme.getString("coordinators[0].email")).isEqualTo("noa.proposante@example.org");
            assertThat(SchemeFixtures.admin().get("/api/v1/schemes/" + created + "/history").jsonPath().getList("action",
                    String.class))
                    .containsExactly("APPROVE");
            assertThat(SchemeFixtures.admin().get("/api/v1/users/" + account).jsonPath().getList("schemes", Long.class))
                    .as("the coordinator answers for the scheme they proposed").contains(created);
            long id = created;
            assertThat(SignedInPagesTest.page(coordinator, "/espace")
                    .select("#mes-dispositifs ~ ul a[href=/dispositifs/" + id + "]")).isNotEmpty();
            assertThat(SchemeFixtures.admin().get("/api/v1/changes?status=APPROVED").jsonPath().getList("schemeId", Long.class))
                    .contains(created);
        } finally {
            if (created != null) {
                SchemeFixtures.admin().delete("/api/v1/schemes/" + created).then().statusCode(204);
            }
            SchemeFixtures.admin().delete("/api/v1/schemes/" + echirolles).then().statusCode(204);
            Indexing.await();
        }
    }

    /** The scheme as the admin reads it, without what any write changes (its time stamps). */
    private static Map<String, Object> comparable(long id) {
        Map<String, Object> doc = new LinkedHashMap<>(SchemeFixtures.admin().get("/api/v1/schemes/" + id).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        doc.remove("updatedAt");
        return doc;
    }

    private static long count(String name) {
        return QuarkusTransaction.requiringNew().call(() -> Scheme.count("name", name));
    }

    private static Element choiceFor(Document page, String given) {
        return page.select("fieldset.choice").stream().filter(f -> f.selectFirst("legend").text().contains(given)).findFirst()
                .orElseThrow(() -> new AssertionError("no choice offered for " + given));
    }

    private static String index(Element choice) {
        return choice.selectFirst("input[type=hidden][name^=pour-]").attr("name").substring("pour-".length());
    }
}
