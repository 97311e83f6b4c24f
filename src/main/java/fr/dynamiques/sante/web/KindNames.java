package fr.dynamiques.sante.web;

import java.util.List;
import java.util.Locale;

import fr.dynamiques.sante.scheme.SchemeKind;

/**
 * The kinds of the registry, named in the visitor's language (kinds are data: a new one needs no template change).
 * Templates reach the visitor's as the global {@code kinds} ({@link PageGlobals}); Java code as {@code visitor.kinds()}.
 */
public record KindNames(List<SchemeKind> kinds, Locale locale) {

    static KindNames in(Locale locale) {
        return new KindNames(SchemeKind.listByCode(), locale);
    }

    /** The label of the kind with this code, or the code itself for a kind unknown here. */
    public String of(String code) {
        return kinds.stream().filter(k -> k.code.equals(code)).findFirst().map(this::label).orElse(code);
    }

    public String label(SchemeKind kind) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) && kind.labelEn != null ? kind.labelEn : kind.labelFr;
    }
}
