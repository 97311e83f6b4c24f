package fr.dynamiques.sante.web;

import java.util.List;

import io.quarkus.qute.RawString;

/**
 * The engine's highlighted passages as safe HTML: the stored text is escaped, then only the engine's own
 * {@code <em>} markers become {@code <mark>}. A scheme's name or description can never inject markup.
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
        return new RawString(html.replace("&lt;em&gt;", "<mark>").replace("&lt;/em&gt;", "</mark>"));
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
