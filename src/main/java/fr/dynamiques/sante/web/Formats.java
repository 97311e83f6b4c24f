package fr.dynamiques.sante.web;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/**
 * Numbers, shares, dates and amounts as the visitor's language writes them ("37 491", "73,2 %", "1 juin 2021"), and values put
 * in links.
 */
@TemplateExtension
public class Formats {

    private Formats() {
    }

    static String grouped(Number n, @TemplateAttribute("locale") Object locale) {
        return n == null ? "" : NumberFormat.getIntegerInstance(of(locale)).format(n);
    }

    static String percent(Double ratio, @TemplateAttribute("locale") Object locale) {
        if (ratio == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getPercentInstance(of(locale));
        format.setMaximumFractionDigits(ratio > 0 && ratio < 0.01 ? 2 : 1);
        return format.format(ratio);
    }

    static String longDate(LocalDate date, @TemplateAttribute("locale") Object locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(of(locale)).format(date);
    }

    static String euros(BigDecimal amount, @TemplateAttribute("locale") Object locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(of(locale));
        format.setCurrency(Currency.getInstance("EUR"));
        format.setMaximumFractionDigits(amount.scale() > 0 && amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
        return format.format(amount);
    }

    /** A recorded field value as a reader wants it: text unquoted, nothing as a dash, lists and objects as JSON. */
    static String shown(JsonNode value) {
        return value == null || value.isNull() ? "—" : value.isValueNode() ? value.asText() : value.toString();
    }

    /** A value as a query parameter ("santé mentale" -> "sant%C3%A9+mentale"). */
    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Locale of(Object locale) {
        if (locale instanceof Locale l) {
            return l;
        }
        return locale == null ? Locale.FRENCH : Locale.forLanguageTag(locale.toString());
    }
}
