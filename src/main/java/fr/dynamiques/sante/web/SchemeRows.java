package fr.dynamiques.sante.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import fr.dynamiques.sante.organisation.PartnerRole;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.spreadsheet.Download;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * Schemes as rows a person reads in a spreadsheet: kinds and statuses spelt out in their language, partners and
 * coordinators as text, the link to each record. Public data only: a coordinator's contact only with their consent.
 */
@ApplicationScoped
public class SchemeRows {

    private final CogSnapshot cog;
    private final Visitor visitor;
    private final ListDownloads downloads;

    SchemeRows(CogSnapshot cog, Visitor visitor, ListDownloads downloads) {
        this.cog = cog;
        this.visitor = visitor;
        this.downloads = downloads;
    }

    /** Columns a list adds after the population, each scheme's cells computed by the page ("its share of this territory"). */
    public record Extra(List<String> headers, Function<Scheme, List<Object>> cells) {

        static final Extra NONE = new Extra(List.of(), scheme -> List.of());
    }

    /** The schemes as a file named by {@code base} and the filters that chose them. */
    public Download of(String base, String title, ListDownloads.Filters filters, List<Scheme> schemes) {
        return of(base, title, filters, schemes, Extra.NONE);
    }

    public Download of(String base, String title, ListDownloads.Filters filters, List<Scheme> schemes, Extra extra) {
        Messages msg = visitor.messages();
        KindNames kinds = visitor.kinds();
        List<String> headers = new ArrayList<>(List.of(msg.col_scheme(), msg.col_kind(), msg.col_status(), msg.scheme_start(),
                msg.scheme_end(), msg.dl_communes(), msg.col_population()));
        headers.addAll(extra.headers());
        headers.addAll(List.of(msg.dl_departments(), msg.role(PartnerRole.CARRIER.name()), msg.role(PartnerRole.FUNDER.name()),
                visitor.files().col_fundings(), msg.scheme_coordinators(), msg.dl_record()));
        List<List<Object>> rows = new ArrayList<>();
        for (Scheme scheme : schemes) {
            SchemeDocument doc = SchemeDocument.of(scheme, cog, false, null);
            List<Object> row = new ArrayList<>(
                    Arrays.asList(doc.name(), kinds.of(doc.kind()), msg.status(doc.status()), doc.startDate(),
                            doc.endDate(), doc.communeCount(), doc.population()));
            row.addAll(extra.cells().apply(scheme));
            row.addAll(Arrays.asList(
                    doc.departments().stream().map(d -> d.name() + " (" + d.code() + ")").collect(Collectors.joining(", ")),
                    partners(doc, PartnerRole.CARRIER), partners(doc, PartnerRole.FUNDER), fundings(doc),
                    doc.coordinatorsOrEmpty().stream().filter(SchemeDocument.CoordinatorEntry::publicContact)
                            .map(SchemeRows::contact)
                            .collect(Collectors.joining(" ; ")),
                    visitor.absolute("/dispositifs/" + scheme.id)));
            rows.add(row);
        }
        return downloads.of(base, title, filters, List.copyOf(headers), rows);
    }

    /** The amounts recorded, all years together; none when no funding is. */
    private static BigDecimal fundings(SchemeDocument doc) {
        return doc.fundingsOrEmpty().stream().map(SchemeDocument.FundingEntry::amountEuros).filter(Objects::nonNull)
                .reduce(BigDecimal::add).orElse(null);
    }

    private static String partners(SchemeDocument doc, PartnerRole role) {
        return doc.partnersOrEmpty().stream().filter(p -> p.roles().contains(role.name())).map(p -> p.organisation().name())
                .collect(Collectors.joining(", "));
    }

    /** "Camille Exemple, Coordinatrice CLS, camille@example.org, 04 76 00 00 00": what is known and public. */
    private static String contact(SchemeDocument.CoordinatorEntry c) {
        List<String> parts = new ArrayList<>();
        parts.add(((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName())).strip());
        for (String part : new String[] { c.title(), c.email(), c.phone() }) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }

}
