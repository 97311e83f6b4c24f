package fr.dynamiques.sante.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

import fr.dynamiques.sante.embedded.EmbeddedServicesResource;
import fr.dynamiques.sante.search.FreshRegistryProfile;

/**
 * The pages in a real browser: Debian's Chromium, headless, driven by its chromedriver (never a downloaded one).
 * Skipped, with the reason, where they are not installed; .ci/run installs them. Screenshots go to
 * target/screenshots.
 */
@QuarkusTest
@TestProfile(FreshRegistryProfile.class)
@WithTestResource(EmbeddedServicesResource.class)
class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    /**
     * The WCAG 2.1 A and AA rules, and axe's experimental ones, among which label-content-name-mismatch (WCAG 2.5.3,
     * RGAA 6.1.5: a link's accessible name contains its visible label), which RGAA audits and axe does not run by default.
     */
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "experimental");
    /**
     * axe's own script timeout is 30 s, past which the driver reports the run as "errored": an explicit one, with room
     * for a busy 2-core machine, and its error's message in the assertion when it is exceeded.
     */
    static final int AXE_TIMEOUT_SECONDS = 120;

    @TestHTTPResource("/")
    URL root;

    static ChromeDriver browser;

    @BeforeAll
    static void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        browser = chromium(true);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    static ChromeDriver chromium(boolean javascript) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No network beyond localhost here: the background services would only fail to connect.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,1000", "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr",
                "profile.managed_default_content_settings.javascript", javascript ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    private static String heading(WebDriver driver) {
        return driver.findElement(By.tagName("h1")).getText();
    }

    @Test
    void aVisitorSearchesOpensTheSchemeFollowsACommuneAndOpensTheMap() {
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("Échirolles");
        box.submit();
        waiting(browser).until(d -> d.getCurrentUrl().contains("/recherche"));
        screenshot(browser, "1-search-echirolles");
        browser.findElement(By.linkText("Contrat local de santé d'Échirolles")).click();
        waiting(browser).until(d -> d.getCurrentUrl().contains("/dispositifs/"));
        assertThat(heading(browser)).isEqualTo("Contrat local de santé d'Échirolles");
        screenshot(browser, "2-scheme-cls-echirolles");
        browser.findElement(By.cssSelector("main a[href='/territoires/communes/38151']")).click();
        waiting(browser).until(d -> d.getCurrentUrl().endsWith("/territoires/communes/38151"));
        assertThat(heading(browser)).isEqualTo("Échirolles");
        assertThat(browser.findElement(By.id("dispositifs")).getText()).startsWith("1 dispositif");
        screenshot(browser, "3-commune-echirolles");
        browser.findElement(By.linkText("Couverture")).click();
        waiting(browser).until(d -> d.getCurrentUrl().endsWith("/couverture"));
        assertThat(browser.findElements(By.cssSelector("svg > a > path"))).hasSize(96);
        screenshot(browser, "4-coverage-map");
    }

    @Test
    void theMapsShowAPerimeterAndADepartmentsWhiteZonesAndTheirCommunesAreLinks() {
        String cpts = RestAssured.get("/api/v1/schemes?ref=demo-cpts-sud-est-grenoblois").jsonPath().getString("items[0].id");
        browser.get(url("/dispositifs/" + cpts + "#carte"));
        WebElement map = browser.findElement(By.cssSelector("#carte > svg"));
        assertThat(map.getSize().getWidth()).isGreaterThan(400);
        assertThat(browser.findElements(By.cssSelector("#carte g.m path"))).allMatch(WebElement::isDisplayed)
                .hasSizeGreaterThan(1);
        screenshot(browser, "8-scheme-map");

        browser.get(url("/territoires/departements/38?kind=CPTS#carte"));
        assertThat(browser.findElement(By.cssSelector("#carte > svg")).getSize().getHeight()).isGreaterThan(400);
        screenshot(browser, "9-department-white-zones-cpts");
        // A commune on the map is a link: following it leads to the commune's page, of the same kind.
        browser.findElement(By.cssSelector("#carte svg a[href='../communes/38185?kind=CPTS']")).click();
        waiting(browser).until(d -> d.getCurrentUrl().endsWith("/territoires/communes/38185?kind=CPTS"));
        assertThat(heading(browser)).isEqualTo("Grenoble");
        screenshot(browser, "10-commune-map-grenoble");
    }

    /** On a 390-px phone, no page scrolls sideways: tables, facts and long words fit the screen. */
    @Test
    void noPageScrollsSidewaysOnAPhone() {
        String cpts = RestAssured.get("/api/v1/schemes?ref=demo-cpts-sud-est-grenoblois").jsonPath().getString("items[0].id");
        List<String> pages = List.of("/", "/recherche?q=sant%C3%A9", "/recherche?q=Grenoble", "/dispositifs/" + cpts,
                "/territoires/communes/38421", "/territoires/epci/200040715", "/territoires/departements/38",
                "/territoires/regions/84",
                "/coordinateurs?territoire=Grenoble", "/couverture", "/echeances?mois=24", "/connexion", "/mentions-legales",
                "/accessibilite", "/connexion/demande?dispositif=" + cpts, "/nulle-part", "/couverture?at=2020-06-01&kind=CPTS",
                "/territoires/departements/38?at=2021-06-01", "/territoires/departements/38?at=pas-une-date",
                "/coordinateurs?comme=" + cpts, "/couverture?kind=CPTS",
                "/territoires/departements/38?kind=CPTS", "/territoires/communes/38421?kind=CPTS");
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            List<String> wide = new ArrayList<>();
            for (String page : pages) {
                browser.get(url(page));
                long scroll = (Long) browser.executeScript("return document.documentElement.scrollWidth");
                long width = (Long) browser.executeScript("return document.documentElement.clientWidth");
                if (scroll > width) {
                    // The innermost elements reaching past the screen's edge: what to fix.
                    Object culprits = browser.executeScript("return Array.from(document.querySelectorAll('body *'))"
                            + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1"
                            + " && !Array.from(e.children).some(c => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1))"
                            + ".slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : ''))"
                            + ".join(', ')");
                    wide.add(page + " is " + scroll + " px wide (" + culprits + ")");
                }
            }
            browser.get(url("/recherche?q=sant%C3%A9"));
            screenshot(browser, "11-search-390px");
            // Results before the filters on a phone.
            assertThat(browser.findElement(By.id("count")).getLocation().getY())
                    .isLessThan(browser.findElement(By.cssSelector(".facets")).getLocation().getY());
            browser.get(url("/dispositifs/" + cpts));
            screenshot(browser, "12-scheme-390px");
            assertThat(wide).as("pages scrolling sideways at 390 px").isEmpty();
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    /**
     * Every table cell whose text is one word or a number, and that the browser lays out on more than one line
     * ("Po/pul/ati/on", "103 9/62", "décem/bre"): the lines are told apart by the tops of the text's boxes. Cells
     * holding a form control are left out (a select's text is its options).
     */
    static final String WRAPPED_CELLS = """
            const number = /^[-+]?[\\d\\s\\u00a0\\u202f.,%€\\/]*\\d[\\d\\s\\u00a0\\u202f.,%€\\/]*$/;
            const wrapped = [];
            for (const cell of document.querySelectorAll('table th, table td')) {
              const text = cell.innerText.trim(); // as laid out: a line break between two elements is a space
              if (!text || cell.querySelector('select, textarea, button, input:not([type=hidden])')
                  || !(/^\\S+$/.test(text) || number.test(text))) continue;
              const range = document.createRange();
              range.selectNodeContents(cell);
              const boxes = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0);
              if (boxes.length === 0) continue;
              const half = Math.min(...boxes.map(r => r.height)) / 2;
              const tops = boxes.map(r => r.top).sort((a, b) => a - b);
              let lines = 1;
              for (let i = 1; i < tops.length; i++) if (tops[i] - tops[i - 1] > half) lines++;
              if (lines > 1) wrapped.push('"' + text + '" on ' + lines + ' lines');
            }
            return wrapped.slice(0, 8);
            """;

    /**
     * What is wrong with the tables of the page shown at 390 px: a page scrolling sideways, a table not in a scrolling
     * box reachable by keyboard and named, a one-word or number cell broken over two lines.
     */
    @SuppressWarnings("unchecked")
    private static List<String> tablesOnAPhone(ChromeDriver driver) {
        List<String> trouble = new ArrayList<>();
        String page = driver.getCurrentUrl().replaceAll("^https?://[^/]+", "");
        long scroll = (Long) driver.executeScript("return document.documentElement.scrollWidth");
        long width = (Long) driver.executeScript("return document.documentElement.clientWidth");
        if (scroll > width) {
            trouble.add(page + " is " + scroll + " px wide");
        }
        List<String> unboxed = (List<String>) driver.executeScript("return Array.from(document.querySelectorAll('table'))"
                + ".filter(t => { const box = t.parentElement; const name = box.getAttribute('aria-labelledby');"
                + " return !(box.classList.contains('table-scroll') && box.tabIndex === 0 && box.getAttribute('role') === 'region'"
                + " && name && document.getElementById(name) && document.getElementById(name).textContent.trim()); })"
                + ".map(t => (t.caption ? t.caption.textContent.trim() : 'a table without caption'))");
        unboxed.forEach(
                table -> trouble.add(page + ": the table \"" + table + "\" is not in a named, focusable scrolling region"));
        ((List<String>) driver.executeScript(WRAPPED_CELLS)).forEach(cell -> trouble.add(page + ": " + cell));
        return trouble;
    }

    /**
     * On a 390-px phone, every table scrolls in its own box (focusable, named after its caption) and keeps its numbers,
     * dates, statuses and one-word headers whole; the page itself never scrolls sideways.
     */
    @Test
    void tablesScrollInTheirOwnBoxAndKeepWordsAndNumbersWholeOnAPhone() {
        String cpts = RestAssured.get("/api/v1/schemes?ref=demo-cpts-sud-est-grenoblois").jsonPath().getString("items[0].id");
        Map<String, Object> body = fr.dynamiques.sante.scheme.SchemeFixtures.cls("browser-tables");
        body.put("approach",
                List.of(Map.of("criterion", "POLITICAL", "score", 1), Map.of("criterion", "COORDINATED", "score", 2)));
        long funded = fr.dynamiques.sante.scheme.SchemeFixtures.create(body);
        List<String> trouble = new ArrayList<>();
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("/couverture", "/couverture?kind=CLS", "/couverture?kind=CPTS",
                    "/territoires/epci/200040715?kind=CPTS",
                    "/echeances?mois=24", "/dispositifs/" + cpts,
                    "/dispositifs/" + funded, "/territoires/communes/38421", "/territoires/communes/38185",
                    "/territoires/epci/200040715",
                    "/territoires/departements/38", "/territoires/regions/84", "/?lang=en", "/couverture", "/?lang=fr")) {
                browser.get(url(page));
                // On a loaded machine the driver has been seen to hand back a long page (a région's) before its tables were
                // parsed: the footer comes last.
                waiting(browser).until(d -> !d.findElements(By.cssSelector("footer.site")).isEmpty());
                assertThat(browser.findElements(By.tagName("table"))).as("tables on " + page)
                        .matches(t -> page.startsWith("/?") || !t.isEmpty());
                trouble.addAll(tablesOnAPhone(browser));
            }
            browser.get(url("/couverture"));
            browser.executeScript("document.querySelector('.table-scroll').scrollIntoView()");
            screenshot(browser, "15-coverage-table-390px");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
            fr.dynamiques.sante.scheme.SchemeFixtures.admin().delete("/api/v1/schemes/" + funded).then().statusCode(204);
        }
        assertThat(trouble).as("tables on a phone").isEmpty();
    }

    /**
     * The chart of coverage since 2015 on a 390-px phone: within the screen, its years and shares written large enough
     * to read and apart from each other; its date box, a plain form, shows the page as of the day chosen, kind kept.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theCoverageChartReadsOnAPhoneAndTheDateBoxShowsADay() {
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            for (String page : List.of("/couverture?kind=CPTS", "/territoires/departements/38",
                    "/territoires/regions/84?kind=CLS")) {
                browser.get(url(page));
                // Waited for rather than read at once: in full runs the document read right after get() has, a few
                // times, been without its chart (cause not found). A page that truly lacks it still fails, saying
                // whether the browser got all of it and whether the server's answer has one.
                try {
                    waiting(browser).until(d -> !d.findElements(By.cssSelector("figure.chart svg")).isEmpty());
                } catch (TimeoutException e) {
                    String source = browser.getPageSource();
                    String served = RestAssured.given().header("Accept", "text/html").get(page).asString();
                    throw new AssertionError(
                            "no chart on %s (page titled '%s', %d characters, ending '%s'); served again: %d characters, chart %s"
                                    .formatted(page, browser.getTitle(), source.length(),
                                            source.substring(Math.max(0, source.length() - 300)),
                                            served.length(), served.contains("<figure class=\"chart\">")),
                            e);
                }
                Map<String, Object> chart = (Map<String, Object>) browser.executeScript("""
                        const svg = document.querySelector('figure.chart svg');
                        const boxes = sel => Array.from(svg.querySelectorAll(sel)).map(t => t.getBoundingClientRect());
                        const years = boxes('text.year'), ticks = boxes('text.tick');
                        return {right: svg.getBoundingClientRect().right, width: document.documentElement.clientWidth,
                                smallest: Math.min(...years.concat(ticks).map(r => r.height)), years: years.length,
                                touching: years.slice(1).filter((r, i) => r.left < years[i].right + 2).length
                                          + ticks.slice(1).filter((r, i) => r.bottom > ticks[i].top - 1).length};
                        """);
                assertThat(((Number) chart.get("right")).doubleValue()).as(page)
                        .isLessThanOrEqualTo(((Number) chart.get("width")).doubleValue());
                assertThat(((Number) chart.get("years")).intValue()).as(page).isGreaterThanOrEqualTo(4);
                assertThat(((Number) chart.get("smallest")).doubleValue()).as("text height on %s", page)
                        .isGreaterThanOrEqualTo(11);
                assertThat(((Number) chart.get("touching")).intValue()).as("labels touching on %s", page).isZero();
            }
            browser.get(url("/couverture?kind=CPTS"));
            browser.executeScript("document.querySelector('figure.chart').scrollIntoView()");
            screenshot(browser, "16-coverage-chart-390px");
            browser.executeScript("document.getElementById('at').value = '2020-06-01'");
            browser.findElement(By.cssSelector("form.as-of button[type=submit]")).click();
            waiting(browser).until(d -> d.getCurrentUrl().contains("at=2020-06-01"));
            assertThat(browser.getCurrentUrl()).contains("kind=CPTS");
            assertThat(browser.findElement(By.cssSelector(".notice[role=status]")).getText())
                    .startsWith("Chiffres au 1 juin 2020");
            screenshot(browser, "17-coverage-as-of-390px");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void suggestionsComeAsYouTypeWhenJavaScriptIsOn() {
        browser.get(url("/"));
        browser.findElement(By.id("q")).sendKeys("echiro");
        waiting(browser).until(d -> !d.findElements(By.cssSelector("#q-suggestions option")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#q-suggestions option")).stream().map(o -> o.getAttribute("value")))
                .contains("Échirolles");
    }

    @Test
    void searchAndFiltersWorkWithJavaScriptOff() {
        ChromeDriver plain = chromium(false);
        try {
            plain.get(url("/"));
            // Proof that scripts are off: the suggestion list stays empty while typing.
            plain.findElement(By.id("q")).sendKeys("santé");
            plain.findElement(By.cssSelector("form.search button[type=submit]")).click();
            waiting(plain).until(d -> d.getCurrentUrl().contains("/recherche?q=sant"));
            assertThat(plain.findElements(By.cssSelector("#q-suggestions option"))).isEmpty();
            int all = plain.findElements(By.cssSelector("ol.hits > li")).size();
            assertThat(all).isGreaterThan(1);
            plain.findElement(By.cssSelector("input[name=kind][value=CLSM]")).click();
            plain.findElement(By.xpath("//button[normalize-space()='Appliquer les filtres']")).click();
            waiting(plain).until(d -> d.getCurrentUrl().contains("kind=CLSM"));
            List<String> kinds = plain.findElements(By.cssSelector("ol.hits .kind")).stream().map(WebElement::getText).toList();
            assertThat(kinds).isNotEmpty().hasSizeLessThan(all).containsOnly("Conseil local de santé mentale");
            screenshot(plain, "5-search-without-javascript");
        } finally {
            plain.quit();
        }
    }

    @Test
    void everyPageTypePassesAxeWcag21AA() {
        String cpts = RestAssured.get("/api/v1/schemes?ref=demo-cpts-sud-est-grenoblois").jsonPath().getString("items[0].id");
        String strasbourg = RestAssured.get("/api/v1/schemes?ref=demo-cls-strasbourg-3").jsonPath().getString("items[0].id");
        List<String> pages = List.of("/", "/recherche?q=sant%C3%A9", "/recherche?q=&page=3", "/dispositifs/" + cpts,
                "/dispositifs/" + strasbourg,
                "/territoires/communes/38421", "/territoires/epci/200040715", "/territoires/departements/38",
                "/territoires/regions/84",
                "/territoires/departements/38?kind=CPTS", "/territoires/communes/97502", "/recherche?q=Vaujany",
                "/mentions-legales",
                "/territoires/communes/75056", "/territoires/arrondissements/75118", "/territoires/communes/38016",
                "/recherche?q=Arzay",
                "/accessibilite", "/connexion", "/connexion/demande?dispositif=" + cpts,
                "/coordinateurs", "/coordinateurs?territoire=Grenoble", "/couverture", "/couverture?kind=CLS",
                "/echeances?mois=24",
                "/couverture?kind=CPTS", "/couverture?kind=CPTS&lang=en", "/territoires/epci/200040715?kind=CPTS",
                "/territoires/regions/84?kind=CPTS", "/territoires/communes/38421?kind=CPTS&lang=en",
                "/couverture?at=2020-06-01&kind=CPTS", "/couverture?at=2021-02-30",
                "/territoires/departements/38?kind=CPTS&at=2021-06-01",
                "/territoires/regions/84?at=2020-01-01", "/territoires/epci/200040715?at=2023-01-01&lang=en",
                "/nulle-part", "/recherche?page=x", "/?lang=en", "/dispositifs/" + cpts + "?lang=en",
                "/coordinateurs?comme=" + strasbourg, "/recherche?density=rural");
        StringBuilder report = new StringBuilder();
        for (String page : pages) {
            browser.get(url(page));
            long started = System.nanoTime();
            Results results = axe().analyze(browser);
            System.out.printf("axe on %s: %d ms%n", page, (System.nanoTime() - started) / 1_000_000);
            assertThat(results.isErrored()).as("axe ran on %s: %s", page, results.getErrorMessage()).isFalse();
            assertThat(results.getPasses()).as("rules axe checked on %s", page).hasSizeGreaterThan(10);
            for (Rule violation : results.getViolations()) {
                report.append(page).append(": ").append(violation.getId()).append(" — ").append(violation.getHelp())
                        .append(" — ")
                        .append(violation.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(", ")))
                        .append('\n');
            }
        }
        // Back to French for the other tests sharing this browser.
        browser.get(url("/?lang=fr"));
        assertThat(report.toString()).as("axe violations").isEmpty();
    }

    private void signIn(WebDriver driver, String email) {
        driver.get(url("/connexion"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(SignedInPagesTest.PASSWORD);
        driver.findElement(By.cssSelector("form.signin button[type=submit]")).click();
        waiting(driver).until(d -> d.getCurrentUrl().endsWith("/espace"));
    }

    /**
     * axe lists the nodes of violations only. It computes a unique CSS selector for every node it lists, at a cost that
     * grows with the page: listing every passing node of a région's map (4,111 links, 12,481 elements, for link-name and
     * hidden-content) took 28-45 s and timed out on Chromium 150+, against 3 s for the violations alone. Every rule is
     * still run, and still reported as passed. One axe.run in the page (the "legacy" mode: the pages have no frames):
     * the per-frame mode serialises every node of every rule before the options can leave them out.
     */
    static AxeBuilder axe() {
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        return new AxeBuilder().withOptions(options).withTags(WCAG_21_AA).setLegacyMode(true).setTimeout(AXE_TIMEOUT_SECONDS);
    }

    private static List<String> axe(WebDriver driver) {
        Results results = axe().analyze(driver);
        assertThat(results.isErrored()).as("axe ran on %s: %s", driver.getCurrentUrl(), results.getErrorMessage()).isFalse();
        return results.getViolations().stream().map(v -> driver.getCurrentUrl() + ": " + v.getId() + " " + v.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "))).toList();
    }

    @Test
    void aCoordinatorProposesAChangeAndAnArsOfficerApprovesIt() {
        Map<String, Object> body = fr.dynamiques.sante.scheme.SchemeFixtures.cls("browser-edit");
        body.put("description", "Description publiée.");
        long scheme = fr.dynamiques.sante.scheme.SchemeFixtures.create(body);
        try {
            SignedInPagesTest.account("browser-coordinator@example.org", "COORDINATOR", List.of(),
                    List.of(String.valueOf(scheme)));
            SignedInPagesTest.account("browser-ars@example.org", "ARS", List.of("84"), List.of());
            List<String> violations = new java.util.ArrayList<>();

            signIn(browser, "browser-coordinator@example.org");
            browser.findElement(By.cssSelector("a[href='/espace/dispositifs/" + scheme + "/modifier']")).click();
            waiting(browser).until(d -> d.getCurrentUrl().endsWith("/modifier"));
            violations.addAll(axe(browser));
            WebElement description = browser.findElement(By.id("description"));
            description.clear();
            description.sendKeys("Description proposée depuis le navigateur.");
            browser.findElement(By.xpath("//button[normalize-space()='Proposer']")).click();
            waiting(browser).until(d -> d.getCurrentUrl().contains("fait=propose"));
            assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("proposition est envoyée");
            screenshot(browser, "6-coordinator-proposed");
            browser.get(url("/dispositifs/" + scheme));
            assertThat(browser.findElement(By.cssSelector("p.description")).getText()).isEqualTo("Description publiée.");
            browser.findElement(By.xpath("//button[normalize-space()='Se déconnecter']")).click();
            waiting(browser).until(d -> d.findElements(By.linkText("Connexion")).size() == 1);

            signIn(browser, "browser-ars@example.org");
            violations.addAll(axe(browser));
            WebElement proposal = browser.findElement(By.xpath("//article[.//a[@href='/dispositifs/" + scheme + "']]"));
            assertThat(proposal.getText()).contains("Description publiée.")
                    .contains("Description proposée depuis le navigateur.");
            screenshot(browser, "7-ars-queue");
            proposal.findElement(By.xpath(".//button[normalize-space()='Approuver et publier']")).click();
            waiting(browser).until(d -> d.getCurrentUrl().contains("fait=approuve"));
            browser.get(url("/dispositifs/" + scheme));
            assertThat(browser.findElement(By.cssSelector("p.description")).getText())
                    .isEqualTo("Description proposée depuis le navigateur.");
            browser.findElement(By.xpath("//button[normalize-space()='Se déconnecter']")).click();
            browser.get(url("/connexion"));
            violations.addAll(axe(browser));
            assertThat(violations).as("axe violations on the signed-in pages").isEmpty();
        } finally {
            fr.dynamiques.sante.scheme.SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme).then().statusCode(204);
            fr.dynamiques.sante.search.Indexing.await();
        }
    }

    /**
     * An ARS officer brings the sample listing in, with JavaScript and without, on a desktop and on a 390-px phone: the
     * rows outside the région are errors to leave out, the typo waits for a choice made with a radio button, a row's map
     * is a page of its own, and the pages pass axe.
     */
    @Test
    void anArsOfficerImportsTheSampleListingOnThePages() {
        SignedInPagesTest.account("browser-import@example.org", "ARS", List.of("84"), List.of());
        String sample = java.nio.file.Path.of("data/samples/liste-cpts-exemple.xlsx").toAbsolutePath().toString();
        List<String> violations = new ArrayList<>();
        List<String> wide = new ArrayList<>();
        for (boolean scripts : List.of(true, false)) {
            ChromeDriver driver = scripts ? browser : chromium(false);
            try {
                signIn(driver, "browser-import@example.org");
                driver.get(url("/espace/import"));
                if (scripts) {
                    violations.addAll(axe(driver)); // axe is a script: it audits the markup, the same without JavaScript
                }
                driver.findElement(By.id("file")).sendKeys(sample);
                new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("CPTS");
                driver.findElement(By.xpath("//button[normalize-space()='Lire le fichier']")).click();
                waiting(driver).until(d -> d.getCurrentUrl().matches(".*/espace/import/[0-9a-f-]{36}$"));
                String draft = driver.getCurrentUrl();
                if (scripts) {
                    violations.addAll(axe(driver));
                }
                // The Pays d'Aix and Paris 18e are outside the officer's région: errors. A typo and a homonym outside it
                // wait for a choice. All four left out.
                for (int row : List.of(3, 6)) {
                    assertThat(driver.findElement(By.id("ligne-" + row)).getText()).contains("en erreur");
                }
                assertThat(driver.findElement(By.id("ligne-8")).getText()).contains("en attente de votre choix")
                        .contains("Éguilles");
                // A row's perimeter on a page of its own, its map drawn on the server; and back to the row.
                driver.findElement(By.cssSelector("#ligne-4 a[href$='/lignes/4']")).click();
                waiting(driver).until(d -> d.getCurrentUrl().endsWith("/lignes/4"));
                assertThat(driver.findElements(By.cssSelector("figure.commune-map svg path"))).isNotEmpty();
                if (scripts) {
                    violations.addAll(axe(driver));
                }
                driver.findElement(By.cssSelector("a[href$='#ligne-4']")).click();
                waiting(driver).until(d -> d.getCurrentUrl().equals(draft + "#ligne-4"));
                for (int row : List.of(3, 6, 8, 9)) {
                    driver.findElement(By.id("skip-" + row)).click();
                }
                driver.findElement(By.xpath("//button[normalize-space()='Enregistrer mes choix et recalculer']")).click();
                waiting(driver).until(d -> d.getCurrentUrl().contains("fait=choix"));
                assertThat(driver.findElement(By.cssSelector("p[role=status]:not(.notice)")).getText())
                        .startsWith("7 lignes : 3 à créer");
                if (scripts) {
                    driver.manage().window().setSize(new Dimension(390, 844));
                    wide.addAll(tablesOnAPhone(driver));
                    violations.addAll(axe(driver));
                    screenshot(driver, "13-import-390px");
                    driver.manage().window().setSize(new Dimension(1280, 1000));
                }
                driver.findElement(By.xpath("//button[normalize-space()=\"Écrire dans l'annuaire\"]")).click();
                waiting(driver).until(d -> d.getCurrentUrl().contains("fait=ecrit"));
                assertThat(driver.findElement(By.cssSelector(".lead")).getText()).contains("écrit dans l'annuaire");
                driver.findElement(By.xpath("//button[normalize-space()='Annuler cet import']")).click();
                waiting(driver).until(d -> d.getCurrentUrl().contains("fait=annule"));
                driver.findElement(By.xpath("//button[normalize-space()='Se déconnecter']")).click();
            } finally {
                if (!scripts) {
                    driver.quit();
                }
            }
        }
        assertThat(wide).as("import pages scrolling sideways").isEmpty();
        assertThat(violations).as("axe violations on the import pages").isEmpty();
    }

    /**
     * A map is no keyboard trap: none of its shapes is a Tab stop (the région's map had 4,025), a "passer la carte" link
     * comes first, and from it one Tab reaches what follows the drawing.
     */
    @Test
    void mapsDoNotTrapTheKeyboard() {
        String cpts = RestAssured.get("/api/v1/schemes?ref=demo-cpts-sud-est-grenoblois").jsonPath().getString("items[0].id");
        for (String page : List.of("/territoires/regions/84", "/territoires/departements/38", "/dispositifs/" + cpts,
                "/couverture")) {
            browser.get(url(page));
            Long linked = (Long) browser.executeScript("return document.querySelectorAll('svg a').length");
            Long named = (Long) browser.executeScript("return document.querySelectorAll('svg title').length");
            Long stops = (Long) browser.executeScript(
                    "return Array.from(document.querySelectorAll('svg a, svg [tabindex]')).filter(e => e.tabIndex >= 0).length");
            // A département's communes are links for the pointer; a région's 4,025 are not links at all (they are specks).
            assertThat(linked).as("shapes linked on " + page).matches(n -> page.contains("/regions/") ? n == 0 : n > 0);
            assertThat(named).as("shapes named on " + page).isPositive();
            assertThat(stops).as("Tab stops inside the map of " + page).isZero();
            WebElement skip = browser.findElement(By.cssSelector("a.skip-map"));
            browser.executeScript("arguments[0].focus()", skip);
            assertThat(skip.getText()).as(page).startsWith("Passer la carte");
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(org.openqa.selenium.Keys.TAB).perform();
            WebElement next = browser.switchTo().activeElement();
            assertThat((Boolean) browser.executeScript("return arguments[0].closest('svg') === null "
                    + "&& (arguments[1].compareDocumentPosition(arguments[0]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0",
                    next, skip)).as("one Tab from the skip link leaves the map of " + page + ", reaching " + next.getTagName())
                    .isTrue();
        }
    }

    /**
     * The officer's signed-in pages (space, accounts, a scheme's full edit form): axe finds nothing, and none scrolls sideways
     * at 390 px.
     */
    @Test
    void theOfficersSignedInPagesPassAxeAndFitAPhone() {
        SignedInPagesTest.account("browser-officer@example.org", "ARS", List.of("84"), List.of());
        String cpts = RestAssured.get("/api/v1/schemes?ref=demo-cpts-sud-est-grenoblois").jsonPath().getString("items[0].id");
        List<String> violations = new ArrayList<>();
        List<String> wide = new ArrayList<>();
        signIn(browser, "browser-officer@example.org");
        try {
            for (String page : List.of("/espace", "/espace/comptes", "/espace/comptes/nouveau",
                    "/espace/dispositifs/nouveau?type=CPTS",
                    "/espace/dispositifs/" + cpts + "/modifier")) {
                browser.get(url(page));
                violations.addAll(axe(browser));
                browser.manage().window().setSize(new Dimension(390, 844));
                wide.addAll(tablesOnAPhone(browser));
                browser.manage().window().setSize(new Dimension(1280, 1000));
            }
        } finally {
            browser.findElement(By.xpath("//button[normalize-space()='Se déconnecter']")).click();
        }
        assertThat(wide).as("signed-in pages scrolling sideways").isEmpty();
        assertThat(violations).as("axe violations on the signed-in pages").isEmpty();
    }

    /**
     * An ARS officer creates a CLSM on the edit page, with JavaScript (the territory box suggests as one types) and
     * without (the server reads what was typed): a homonym chosen with a radio button, the kind's own boxes shown once
     * the form is refreshed, a mistake said next to its box, then saved. Every state of the page passes axe, at 390 px too.
     */
    @Test
    void anArsOfficerCreatesASchemeOnTheEditPageWithAndWithoutJavaScript() {
        SignedInPagesTest.account("browser-edit-ars@example.org", "ARS", List.of("84"), List.of());
        List<String> violations = new ArrayList<>();
        List<String> wide = new ArrayList<>();
        List<String> created = new ArrayList<>();
        try {
            for (boolean scripts : List.of(true, false)) {
                ChromeDriver driver = scripts ? browser : chromium(false);
                try {
                    signIn(driver, "browser-edit-ars@example.org");
                    driver.findElement(By.linkText("Créer un dispositif")).click();
                    waiting(driver).until(d -> d.getCurrentUrl().endsWith("/espace/dispositifs/nouveau"));
                    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("kind"))).selectByValue("CLSM");
                    driver.findElement(By.id("name"))
                            .sendKeys("CLSM du navigateur " + (scripts ? "avec" : "sans") + " JavaScript");
                    driver.findElement(By.id("places")).sendKeys("Échirolles\nFontaine");
                    WebElement place = driver.findElement(By.id("place"));
                    if (scripts) {
                        place.sendKeys("Eybens");
                        waiting(driver).until(d -> !d
                                .findElements(By.cssSelector("#place-suggestions option[value='Eybens (38158)']")).isEmpty());
                        place.sendKeys(" (38158)");
                    } else {
                        place.sendKeys("Eybens (38)");
                    }
                    driver.findElement(By.xpath("//button[normalize-space()='Mettre à jour le territoire et la carte']"))
                            .click();
                    waiting(driver).until(d -> !d.findElements(By.cssSelector("#carte svg")).isEmpty());
                    assertThat(driver.findElement(By.id("places")).getAttribute("value")).contains("Échirolles (38151)")
                            .contains("Eybens (38158)");
                    if (scripts) {
                        violations.addAll(axe(driver));
                    }
                    driver.findElement(By.cssSelector("fieldset.choice input[type=radio][value='38169']")).click();
                    driver.findElement(By.id("coCarryingHospital-name")).sendKeys("Centre hospitalier (navigateur)");
                    driver.findElement(By.id("coordinators-0-firstName")).sendKeys("Claude");
                    driver.findElement(By.id("coordinators-0-lastName")).sendKeys("Navigateur");
                    driver.findElement(By.id("coordinators-0-email")).sendKeys("pas-une-adresse");
                    driver.findElement(By.xpath("//button[normalize-space()='Créer le dispositif']")).click();
                    waiting(driver).until(d -> !d.findElements(By.id("erreurs")).isEmpty());
                    assertThat(driver.findElement(By.id("coordinators-0-email-error")).getText()).contains("adresse");
                    if (scripts) {
                        violations.addAll(axe(driver));
                        driver.manage().window().setSize(new Dimension(390, 844));
                        long scroll = (Long) driver.executeScript("return document.documentElement.scrollWidth");
                        long width = (Long) driver.executeScript("return document.documentElement.clientWidth");
                        if (scroll > width) {
                            wide.add("the edit page is " + scroll + " px wide at 390 px");
                        }
                        violations.addAll(axe(driver));
                        screenshot(driver, "14-edit-390px");
                        driver.manage().window().setSize(new Dimension(1280, 1000));
                    }
                    WebElement email = driver.findElement(By.id("coordinators-0-email"));
                    email.clear();
                    email.sendKeys("claude.navigateur@example.org");
                    driver.findElement(By.xpath("//button[normalize-space()='Créer le dispositif']")).click();
                    waiting(driver).until(d -> d.getCurrentUrl().matches(".*/dispositifs/\\d+$"));
                    created.add(driver.getCurrentUrl().replaceAll(".*/dispositifs/", ""));
                    assertThat(heading(driver)).isEqualTo("CLSM du navigateur " + (scripts ? "avec" : "sans") + " JavaScript");
                    assertThat(driver.findElement(By.tagName("main")).getText()).contains("Centre hospitalier (navigateur)");
                    driver.findElement(By.xpath("//button[normalize-space()='Se déconnecter']")).click();
                } finally {
                    if (!scripts) {
                        driver.quit();
                    }
                }
            }
        } finally {
            created.forEach(id -> fr.dynamiques.sante.scheme.SchemeFixtures.admin().delete("/api/v1/schemes/" + id));
        }
        assertThat(created).hasSize(2);
        assertThat(wide).as("the edit page scrolling sideways").isEmpty();
        assertThat(violations).as("axe violations on the edit page").isEmpty();
    }

    @Test
    void storedScriptNeverRunsInThePages() {
        Map<String, Object> body = fr.dynamiques.sante.scheme.SchemeFixtures.cls("browser-hostile");
        body.put("name", "<script>document.title='p'+'wned';alert(1)</script> Contrat piégé");
        body.put("description", "<img src=x onerror=\"document.title='p'+'wned';alert(2)\"> piégé <svg onload=alert(3)>");
        body.put("themes", List.of("<b onmouseover=alert(4)>thème piégé</b>"));
        body.put("endDate", java.time.LocalDate.now().plusMonths(6).toString()); // so that /echeances lists it too
        long scheme = fr.dynamiques.sante.scheme.SchemeFixtures.create(body);
        try {
            fr.dynamiques.sante.search.Indexing.await();
            for (String path : List.of("/dispositifs/" + scheme, "/recherche?q=pi%C3%A9g%C3%A9", "/territoires/communes/38151",
                    "/coordinateurs?territoire=38151", "/echeances?mois=24")) {
                browser.get(url(path));
                assertThat(browser.getTitle()).as(path).doesNotContain("pwned");
                assertThatThrownBy(() -> browser.switchTo().alert()).as("an alert on " + path)
                        .isInstanceOf(org.openqa.selenium.NoAlertPresentException.class);
                assertThat(browser.findElement(By.tagName("main")).getText()).as(path).contains("piégé");
            }
        } finally {
            fr.dynamiques.sante.scheme.SchemeFixtures.admin().delete("/api/v1/schemes/" + scheme).then().statusCode(204);
            fr.dynamiques.sante.search.Indexing.await();
        }
    }
}
