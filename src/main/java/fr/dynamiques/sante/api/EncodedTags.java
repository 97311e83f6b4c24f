package fr.dynamiques.sante.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Entity tags per content encoding. The API's answers travel compressed when the client accepts it: a gzip answer is
 * other bytes than the plain one, so its tag says so ({@code "r12-c3~gzip"}) and answers vary on Accept-Encoding, and
 * no cache takes one for the other. Tags sent back are read without that mark before anything compares them, and
 * If-None-Match compares weakly ({@code W/"…"} matches, RFC 9110 §13.1.2) while If-Match stays strong.
 */
public class EncodedTags {

    private static final String MARK = "~";
    private static final List<String> CODINGS = List.of("gzip", "deflate"); // those the server compresses with, in its order

    @ServerRequestFilter(preMatching = true)
    public void read(ContainerRequestContext request) {
        rewrite(request, HttpHeaders.IF_NONE_MATCH, true);
        rewrite(request, HttpHeaders.IF_MATCH, false);
    }

    @ServerResponseFilter
    public void write(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        Object tag = response.getHeaders().getFirst(HttpHeaders.ETAG);
        String coding = coding(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        if (tag != null && coding != null) {
            EntityTag sent = tag instanceof EntityTag t ? t : EntityTag.valueOf(tag.toString());
            response.getHeaders().putSingle(HttpHeaders.ETAG, new EntityTag(sent.getValue() + MARK + coding, sent.isWeak()));
        }
    }

    /** The coding the answer travels in: the accepted one of highest weight among those the server uses, or none. */
    static String coding(String acceptEncoding) {
        if (acceptEncoding == null) {
            return null;
        }
        String chosen = null;
        double best = 0;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String name = pieces[0].strip().toLowerCase(Locale.ROOT);
            double weight = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            String coding = name.equals("*") ? CODINGS.get(0) : name;
            if (CODINGS.contains(coding)
                    && (weight > best || weight == best && weight > 0 && CODINGS.indexOf(coding) < CODINGS.indexOf(chosen))) {
                chosen = coding;
                best = weight;
            }
        }
        return chosen;
    }

    private static void rewrite(ContainerRequestContext request, String header, boolean weak) {
        String value = request.getHeaderString(header);
        if (value == null || value.isBlank() || value.strip().equals("*")) {
            return;
        }
        List<String> tags = new ArrayList<>();
        for (String tag : value.split(",")) {
            String plain = tag.strip();
            if (weak && plain.startsWith("W/")) {
                plain = plain.substring(2);
            }
            int mark = plain.lastIndexOf(MARK);
            if (mark > 0 && plain.endsWith("\"") && CODINGS.contains(plain.substring(mark + 1, plain.length() - 1))) {
                plain = plain.substring(0, mark) + "\"";
            }
            tags.add(plain);
        }
        request.getHeaders().putSingle(header, String.join(", ", tags));
    }
}
