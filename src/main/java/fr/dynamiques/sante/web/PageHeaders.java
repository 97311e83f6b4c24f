package fr.dynamiques.sante.web;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages say which language they are in and that it depends on the browser's and the cookie's; the language
 * switch is remembered for a year (a preference, not personal data). A page seen signed in, or the sign-in form, is
 * never stored by the browser or a proxy: it may show the account's work, and it carries form tokens.
 */
public class PageHeaders {

    private static final int ONE_YEAR = 365 * 24 * 3600;

    private final Visitor visitor;

    PageHeaders(Visitor visitor) {
        this.visitor = visitor;
    }

    @ServerResponseFilter
    public void language(ContainerResponseContext response) {
        if (!ErrorPage.servesPath(visitor.getPath())) {
            return;
        }
        if (visitor.isSignedIn() || visitor.getPath().equals(FormTokens.SIGN_IN_PATH)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (response.getMediaType() == null || !response.getMediaType().isCompatible(MediaType.TEXT_HTML_TYPE)) {
            return;
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, visitor.getLang());
        response.getHeaders().putSingle(HttpHeaders.VARY, "Accept-Language, Cookie, Accept-Encoding");
        if (visitor.chosen() != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(Visitor.COOKIE).value(visitor.getLang())
                    .path("/").maxAge(ONE_YEAR).sameSite(NewCookie.SameSite.LAX).build());
        }
    }
}
