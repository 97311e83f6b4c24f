package fr.dynamiques.sante.web;

import java.util.List;

import io.quarkus.qute.RawString;

import fr.dynamiques.sante.search.SchemeSearch;
import fr.dynamiques.sante.text.HtmlText;

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
            return plain == null ? null : new RawString(HtmlText.escape(plain));
        }
        return new RawString(
                String.join(" … ", passages.stream().map(p -> SchemeSearch.marked(p, "<mark>", "</mark>")).toList()));
    }
}
