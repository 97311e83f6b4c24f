package fr.dynamiques.sante.web;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A page's form as a browser sends it: every box with its value as the page shows it (ticked boxes only, the selected
 * option), some changed, some added, then submitted with one of its buttons. A test of a page's round trip, not of a
 * hand-written request.
 */
public final class PageForm {

    private final String action;
    private final List<Map.Entry<String, String>> fields = new ArrayList<>();

    private PageForm(String action, List<Connection.KeyVal> data) {
        this.action = action;
        // jsoup lists the submit buttons' values too: a browser sends only the one pressed (see submit).
        data.stream().filter(kv -> !kv.key().equals("action")).forEach(kv -> fields.add(Map.entry(kv.key(), kv.value())));
    }

    /** The form matching {@code selector} on this page. */
    public static PageForm of(Document page, String selector) {
        FormElement form = (FormElement) page.selectFirst(selector);
        return new PageForm(form.attr("action"), form.formData());
    }

    public static PageForm of(String html, String selector) {
        return of(Jsoup.parse(html), selector);
    }

    /** The box {@code name} holds this value now (the first of that name; added when the form has none). */
    public PageForm set(String name, String value) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).getKey().equals(name)) {
                fields.set(i, Map.entry(name, value));
                return this;
            }
        }
        fields.add(Map.entry(name, value));
        return this;
    }

    /** One more value under this name (a ticked checkbox, a chosen radio button). */
    public PageForm add(String name, String value) {
        fields.add(Map.entry(name, value));
        return this;
    }

    /** Unticks a checkbox (every value under this name). */
    public PageForm clear(String name) {
        fields.removeIf(f -> f.getKey().equals(name));
        return this;
    }

    public String value(String name) {
        return fields.stream().filter(f -> f.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /** Sent with the button {@code action} (the form's "action" name), by the signed-in session. */
    public Response submit(String session, String button) {
        RequestSpecification request = given().cookie(Visitor.SESSION, session).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        fields.forEach(f -> request.formParam(f.getKey(), f.getValue()));
        if (button != null) {
            request.formParam("action", button);
        }
        return request.post(action);
    }
}
