package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.List;
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

    SchemeRows(CogSnapshot cog, Visitor visitor) {
        this.cog = cog;
        this.visitor = visitor;
    }

    public Download of(String name, List<Scheme> schemes) {
        Messages msg = visitor.messages();
        KindNames kinds = KindNames.in(visitor.locale());
        List<String> headers = List.of(msg.col_scheme(), msg.col_kind(), msg.col_status(), msg.scheme_start(), msg.scheme_end(),
                msg.dl_communes(), msg.col_population(), msg.dl_departments(), msg.role(PartnerRole.CARRIER.name()),
                msg.role(PartnerRole.FUNDER.name()), msg.scheme_coordinators(), msg.dl_record());
        List<List<String>> rows = new ArrayList<>();
        for (Scheme scheme : schemes) {
            SchemeDocument doc = SchemeDocument.of(scheme, cog, false, null);
            rows.add(List.of(doc.name(), kinds.of(doc.kind()), msg.status(doc.status()), text(doc.startDate()), text(doc.endDate()),
                    text(doc.communeCount()), text(doc.population()),
                    doc.departments().stream().map(d -> d.name() + " (" + d.code() + ")").collect(Collectors.joining(", ")),
                    partners(doc, PartnerRole.CARRIER), partners(doc, PartnerRole.FUNDER),
                    doc.coordinatorsOrEmpty().stream().filter(SchemeDocument.CoordinatorEntry::publicContact).map(SchemeRows::contact)
                            .collect(Collectors.joining(" ; ")),
                    visitor.absolute("/dispositifs/" + scheme.id)));
        }
        return new Download(name, headers, rows);
    }

    private static String partners(SchemeDocument doc, PartnerRole role) {
        return doc.partnersOrEmpty().stream().filter(p -> p.roles().contains(role.name())).map(p -> p.organisation().name())
                .collect(Collectors.joining(", "));
    }

    /** "Camille Exemple, Coordinatrice CLS, camille@example.org, 04 76 00 00 00": what is known and public. */
    private static String contact(SchemeDocument.CoordinatorEntry c) {
        List<String> parts = new ArrayList<>();
        parts.add(((c.firstName() == null ? "" : c.firstName()) + " " + (c.lastName() == null ? "" : c.lastName())).strip());
        for (String part : new String[] {c.title(), c.email(), c.phone()}) {
            if (part != null && !part.isBlank()) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
