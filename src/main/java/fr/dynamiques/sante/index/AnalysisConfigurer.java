package fr.dynamiques.sante.index;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurationContext;
import org.hibernate.search.backend.elasticsearch.analysis.ElasticsearchAnalysisConfigurer;

/**
 * The analysis of every index, in one place. The names are constants so that mappings and queries
 * refer to the same thing. Needs OpenSearch's analysis-common module (shipped with the embedded node).
 */
@Dependent
@Named("analysis")
public class AnalysisConfigurer implements ElasticsearchAnalysisConfigurer {

    /** French full text: elision (l', d', qu'...), lowercase, no accents, stop words, light stemming. */
    public static final String FRENCH = "french";
    /** Words of a name, indexed as their prefixes ("échirolles" -> "e", "ec", ... "echirolles"). */
    public static final String WORD_PREFIX = "word_prefix";
    /** The query side of {@link #WORD_PREFIX}: whole words, folded the same way. */
    public static final String WORD_QUERY = "word_query";
    /** A whole name, indexed as its prefixes, with hyphens and apostrophes read as spaces. */
    public static final String NAME_PREFIX = "name_prefix";
    /** The query side of {@link #NAME_PREFIX}. */
    public static final String NAME_QUERY = "name_query";
    /** Codes (INSEE, SIREN, postal) indexed as their prefixes. */
    public static final String CODE_PREFIX = "code_prefix";
    /** The query side of {@link #CODE_PREFIX}. */
    public static final String CODE_QUERY = "code_query";
    /** Words folded, not stemmed: place and people names ("Saint-Martin-d'Hères" -> saint, martin, heres). */
    public static final String FOLDED_WORDS = "folded_words";
    /** Keyword normalizer: lowercase, no accents, separators as spaces; for exact matches and sorting. */
    public static final String FOLDING = "folding";

    private static final String SEPARATORS = "separators_as_space";
    private static final String ELISION = "french_elision";
    private static final String FRENCH_STOP = "french_stop";
    private static final String FRENCH_STEMMER = "french_stemmer";
    private static final String EDGE_NGRAM = "prefixes";
    private static final String NAME_EDGE_NGRAM = "name_prefixes";
    private static final String CODE_EDGE_NGRAM = "code_prefixes";

    @Override
    public void configure(ElasticsearchAnalysisConfigurationContext context) {
        context.charFilter(SEPARATORS).type("pattern_replace")
                .param("pattern", "[\\s\\-'’_/.,]+")
                .param("replacement", " ");
        context.tokenFilter(ELISION).type("elision")
                .param("articles_case", true)
                .param("articles", "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu");
        context.tokenFilter(FRENCH_STOP).type("stop").param("stopwords", "_french_");
        context.tokenFilter(FRENCH_STEMMER).type("stemmer").param("language", "light_french");
        context.tokenFilter(EDGE_NGRAM).type("edge_ngram").param("min_gram", 1).param("max_gram", 20);
        context.tokenFilter(NAME_EDGE_NGRAM).type("edge_ngram").param("min_gram", 1).param("max_gram", 60);
        context.tokenFilter(CODE_EDGE_NGRAM).type("edge_ngram").param("min_gram", 2).param("max_gram", 9);

        context.analyzer(FRENCH).custom().tokenizer("standard")
                .tokenFilters(ELISION, "lowercase", "asciifolding", FRENCH_STOP, FRENCH_STEMMER);
        context.analyzer(WORD_PREFIX).custom().tokenizer("standard")
                .tokenFilters(ELISION, "lowercase", "asciifolding", EDGE_NGRAM);
        context.analyzer(WORD_QUERY).custom().tokenizer("standard")
                .tokenFilters(ELISION, "lowercase", "asciifolding");
        context.analyzer(FOLDED_WORDS).custom().tokenizer("standard")
                .tokenFilters(ELISION, "lowercase", "asciifolding");
        context.analyzer(NAME_PREFIX).custom().tokenizer("keyword").charFilters(SEPARATORS)
                .tokenFilters("lowercase", "asciifolding", "trim", NAME_EDGE_NGRAM);
        context.analyzer(NAME_QUERY).custom().tokenizer("keyword").charFilters(SEPARATORS)
                .tokenFilters("lowercase", "asciifolding", "trim");
        context.analyzer(CODE_PREFIX).custom().tokenizer("keyword").tokenFilters("lowercase", CODE_EDGE_NGRAM);
        context.analyzer(CODE_QUERY).custom().tokenizer("keyword").tokenFilters("lowercase");
        context.normalizer(FOLDING).custom().charFilters(SEPARATORS).tokenFilters("lowercase", "asciifolding", "trim");
    }
}
