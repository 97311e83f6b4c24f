package fr.dynamiques.sante.web;

import java.util.List;

import fr.dynamiques.sante.search.SchemeSearch;
import io.quarkus.qute.RawString;

/**
 * The engine's highlighted passages as safe HTML: the stored text is escaped, then only the engine's own match
 * markers ({@link SchemeSearch#MATCH_START}, {@link SchemeSearch#MATCH_END}) become {@code <mark>}. A scheme's name or
 * description can never inject markup.
 */
final class Highlights {

    private Highlights() {
    }

    /** The passages joined with an ellipsis, or the plain text when nothing matched (null when neither). */
    static RawString marked(List<String> passages, String plain) {
        if (passages == null || passages.isEmpty()) {
            return plain == null ? null : new RawString(escape(plain));
        }
        String html = String.join(" … ", passages.stream().map(Highlights::escape).toList());
        return new RawString(html.replace(SchemeSearch.MATCH_START, "<mark>").replace(SchemeSearch.MATCH_END, "</mark>"));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
