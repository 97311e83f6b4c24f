package fr.dynamiques.sante.text;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The search engine's highlights mark matches with two private-use characters ({@link #MATCH_START},
 * {@link #MATCH_END}), turned into {@code <em>} on the way out: text taken in never carries them, or a
 * stored one would come out as markup. Every string the application reads as JSON (the API, the pages' edits) and every
 * file imported passes through {@link #of}.
 */
@Singleton
public class MarkerFreeText implements ObjectMapperCustomizer {

    public static final String MATCH_START = "\uE000";
    public static final String MATCH_END = "\uE001";

    /** The text without the engine's match markers. */
    public static String of(String text) {
        return text == null || text.indexOf(MATCH_START) < 0 && text.indexOf(MATCH_END) < 0 ? text
                : text.replace(MATCH_START, "").replace(MATCH_END, "");
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("marker-free-text").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                return of(super.deserialize(parser, context));
            }
        }));
    }
}
