package fr.dynamiques.sante.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Reading the pages and the API as the page tests do: a page must answer 200 in HTML, an API read 200. */
final class Pages {

    private Pages() {
    }

    /** The page at this path (already URL-encoded), parsed. */
    static Document page(String path) {
        Response response = given().urlEncodingEnabled(false).redirects().follow(false).get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.contentType()).as(path).startsWith("text/html");
        return Jsoup.parse(response.asString(), "http://localhost" + path);
    }

    /** An API answer (the path as typed: REST Assured encodes it). */
    static JsonPath api(String path) {
        return given().get(path).then().statusCode(200).extract().jsonPath();
    }
}
