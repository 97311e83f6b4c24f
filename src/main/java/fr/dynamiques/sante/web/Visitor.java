package fr.dynamiques.sante.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import fr.dynamiques.sante.access.BearerOrSessionMechanism;
import fr.dynamiques.sante.access.Identities;
import fr.dynamiques.sante.account.Caller;
import fr.dynamiques.sante.account.CurrentCaller;

/**
 * Who is reading a page, as far as pages care: the language, and whether they signed in (the identity the
 * authentication mechanism made of the session cookie). French unless the visitor chose English with the switch
 * ({@code ?lang=en}, remembered in a cookie) or their browser asks for English before French.
 * Templates reach it as {@code inject:visitor}.
 */
@RequestScoped
@Named("visitor")
public class Visitor {

    static final String COOKIE = "lang";
    private static final List<Locale> OFFERED = List.of(Locale.FRENCH, Locale.ENGLISH);

    static final String SESSION = BearerOrSessionMechanism.SESSION_COOKIE;

    private final HttpServerRequest request;
    private final CurrentCaller caller;
    private final SecurityIdentity identity;
    private Locale locale;
    private Optional<Caller> signedIn;
    private KindNames kinds;
    private final String publicUrl;

    Visitor(CurrentVertxRequest current, CurrentCaller caller, SecurityIdentity identity,
            @ConfigProperty(name = "directory.public-url") String publicUrl) {
        this.request = current.getCurrent().request();
        this.caller = caller;
        this.identity = identity;
        this.publicUrl = publicUrl;
    }

    public Locale locale() {
        if (locale == null) {
            locale = chosen() != null ? chosen() : fromCookieOrBrowser();
        }
        return locale;
    }

    /**
     * The signed-in visitor, if any (authenticated once per request). Error pages of requests that reached no page (a
     * 404, a refused form) are drawn on the I/O thread, which must not wait for the database: they are drawn anonymous.
     */
    public Optional<Caller> caller() {
        if (signedIn == null) {
            signedIn = io.vertx.core.Context.isOnEventLoopThread() ? Optional.empty() : caller.get();
        }
        return signedIn;
    }

    public boolean isSignedIn() {
        return caller().isPresent();
    }

    /** The form token of the session, for the forms of signed-in pages (empty when not signed in). */
    public String getCsrf() {
        String token = isSignedIn() ? identity.getAttribute(Identities.FORM_TOKEN) : null;
        return token == null ? "" : token;
    }

    /** The id of the visitor's session, if they signed in with one. */
    Optional<String> sessionId() {
        return isSignedIn() ? Optional.ofNullable(identity.getAttribute(Identities.SESSION_ID)) : Optional.empty();
    }

    public String getClientAddress() {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
    }

    /**
     * A path of this site as a full address, for files taken away: from the configured public address
     * ({@code directory.public-url}), never from the request's Host header, which anyone can set.
     */
    String absolute(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }

    /** The language the visitor just picked with the switch, or null. */
    Locale chosen() {
        return offered(request.getParam(COOKIE));
    }

    /**
     * The page in the visitor's language: message bundles and number formats follow the template's locale (the REST
     * layer would otherwise pick one from Accept-Language alone, ignoring the switch).
     */
    TemplateInstance page(TemplateInstance template) {
        caller(); // authenticated now, on the request's worker thread: the layout asks for it while rendering
        return template.setLocale(locale());
    }

    /**
     * A page answered with this status, for a resource that adds headers or cookies: rendered here, so that its type
     * says its charset (Qute's writer would send a template entity as plain "text/html").
     */
    Response.ResponseBuilder answer(int status, TemplateInstance template) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page(template).render());
    }

    /** The kinds of the registry named in the visitor's language, read once per request (every page names kinds). */
    public KindNames kinds() {
        if (kinds == null) {
            kinds = KindNames.in(locale());
        }
        return kinds;
    }

    /** The pages' words in the visitor's language, for view models built in Java. */
    Messages messages() {
        return MessageBundles.get(Messages.class, Localized.Literal.of(getLang()));
    }

    FigureMessages figures() {
        return MessageBundles.get(FigureMessages.class, Localized.Literal.of(getLang()));
    }

    FileMessages files() {
        return MessageBundles.get(FileMessages.class, Localized.Literal.of(getLang()));
    }

    /** The address of this request as the public reaches it (a file says where it was taken from). */
    String address() {
        return absolute(request.path() + (request.query() == null ? "" : "?" + request.query()));
    }

    LikenessMessages likeness() {
        return MessageBundles.get(LikenessMessages.class, Localized.Literal.of(getLang()));
    }

    StageMessages stages() {
        return MessageBundles.get(StageMessages.class, Localized.Literal.of(getLang()));
    }

    PlaceMessages places() {
        return MessageBundles.get(PlaceMessages.class, Localized.Literal.of(getLang()));
    }

    public String getLang() {
        return locale().getLanguage();
    }

    /** The language the switch offers: the other one. */
    public String getOtherLang() {
        return locale().equals(Locale.FRENCH) ? "en" : "fr";
    }

    /** This page in the other language (its path as routed: never "//elsewhere", a link to another host). */
    public String getSwitchUrl() {
        String query = request.query() == null ? "" : request.query().replaceAll("(^|&)lang=[^&]*", "");
        query = query.startsWith("&") ? query.substring(1) : query;
        return getPath() + "?" + (query.isEmpty() ? "" : query + "&") + "lang=" + getOtherLang();
    }

    /** The path as the routes read it, whatever the visitor sent: what every filter decides on. */
    public String getPath() {
        return normalized(request.path());
    }

    /**
     * A path decoded and without its dot segments or empty ones: "/api/%2e%2e/espace" is "/espace", "//x" is "/x", as
     * routing reads them (a filter reading the raw path would take the first for the API's).
     */
    static String normalized(String raw) {
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = raw; // a malformed escape: the routes answer 400 or 404 to it
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    private Locale fromCookieOrBrowser() {
        Cookie cookie = request.getCookie(COOKIE);
        Locale remembered = cookie == null ? null : offered(cookie.getValue());
        if (remembered != null) {
            return remembered;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null) {
            try {
                Locale found = Locale.lookup(Locale.LanguageRange.parse(header), OFFERED);
                if (found != null) {
                    return found;
                }
            } catch (IllegalArgumentException malformed) {
                // A malformed header is not worth an error page: French it is.
            }
        }
        return Locale.FRENCH;
    }

    private static Locale offered(String lang) {
        return OFFERED.stream().filter(l -> l.getLanguage().equals(lang)).findFirst().orElse(null);
    }
}
