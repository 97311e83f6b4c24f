package fr.dynamiques.sante.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.audit.Audit;
import fr.dynamiques.sante.audit.AuditEntry;
import fr.dynamiques.sante.organisation.PartnerRole;
import fr.dynamiques.sante.overlap.OverlapViews.OverlapRow;
import fr.dynamiques.sante.overlap.Overlaps;
import fr.dynamiques.sante.registry.SchemeAccess;
import fr.dynamiques.sante.scheme.Scheme;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.search.SimilarSchemes;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.CommuneFacts;

/** A scheme, as the public may see it: coordinators' contact only with their consent (the API's public view). */
@Path("/dispositifs/{id}")
@Produces(MediaType.TEXT_HTML)
public class SchemePage {

    /** The partners holding one role. */
    public record RoleGroup(String role, List<String> organisations) {
    }

    /** A published change, for signed-in people who answer for the scheme. */
    public record Change(Instant at, String action, String role, List<String> fields) {
    }

    /**
     * What the scheme's page shows: the record and its places; its overlaps (all in the table, the first {@code traced}
     * drawn on the map); its trail (for those who answer for it); whom to ask (the carriers and agencies, and whether a
     * coordinator's contact is public); schemes like it.
     */
    public record SchemeView(SchemeDocument scheme, KindNames kinds, List<CommuneFacts> communes, List<RoleGroup> partners,
            List<OverlapRow> overlaps, Map<String, String> epcis, List<Change> changes, CommuneMap map,
            List<OverlapRow> traced, List<SchemeDocument.OrganisationRef> carriers,
            List<SchemeDocument.OrganisationRef> agencies, boolean publicContact, List<SimilarSchemes.Peer> similar) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance scheme(SchemeView view);
    }

    /** Schemes like this one shown on its page; the API gives more. */
    static final int SIMILAR = 6;

    private final Overlaps overlaps;
    private final SimilarSchemes similar;
    private final CommuneMaps maps;
    private final CogSnapshot cog;
    private final Visitor visitor;
    private final SchemeAccess access;
    private final Audit audit;

    SchemePage(Overlaps overlaps, SimilarSchemes similar, CommuneMaps maps, CogSnapshot cog, Visitor visitor,
            SchemeAccess access, Audit audit) {
        this.overlaps = overlaps;
        this.similar = similar;
        this.maps = maps;
        this.cog = cog;
        this.visitor = visitor;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Transactional
    public TemplateInstance scheme(@PathParam("id") String id) {
        Scheme scheme = Scheme.findExisting(id);
        SchemeDocument document = SchemeDocument.withHistory(scheme, cog, false);
        List<CommuneFacts> communes = scheme.communeCodes.stream().map(cog::place).filter(c -> c != null)
                .sorted(Comparator.comparing(CommuneFacts::name).thenComparing(CommuneFacts::code)).toList();
        Map<String, String> epcis = new LinkedHashMap<>();
        document.perimeter().epcisOrEmpty().forEach(siren -> epcis.put(siren, cog.epciName(siren)));
        List<OverlapRow> overlapping = overlaps.of(scheme, List.of());
        // The schemes sharing most population are drawn over the map; the table lists them all.
        List<OverlapRow> traced = overlapping.subList(0, Math.min(CommuneMaps.TRACED, overlapping.size()));
        List<Set<String>> others = traced.stream()
                .map(o -> Set.copyOf(Scheme.findExisting(String.valueOf(o.scheme().id())).communeCodes))
                .toList();
        WhomToAsk ask = WhomToAsk.of(document);
        return visitor.page(Templates.scheme(new SchemeView(document, visitor.kinds(), communes,
                partnersByRole(document), overlapping, epcis, changes(scheme), maps.perimeter(scheme.communeCodes, others),
                traced, ask.carriers(), ask.agencies(), !ask.coordinators().isEmpty(),
                similar.like(scheme, List.of(scheme.kind.code), SIMILAR))));
    }

    /** The audit trail, for a signed-in visitor who answers for the scheme; nothing for anyone else. */
    private List<Change> changes(Scheme scheme) {
        return visitor.caller().filter(c -> access.answersFor(c, scheme))
                .map(c -> AuditEntry.ofScheme(scheme.id).stream().map(e -> new Change(e.at, e.action, e.actorRole,
                        audit.changes(e).stream().map(AuditEntry.FieldChange::field).toList())).toList())
                .orElse(List.of());
    }

    /** Carriers first, then signatories, funders, partners and employers, as the role list orders them. */
    private static List<RoleGroup> partnersByRole(SchemeDocument document) {
        List<RoleGroup> groups = new ArrayList<>();
        for (PartnerRole role : PartnerRole.values()) {
            List<String> names = document.partnersOrEmpty().stream().filter(p -> p.roles().contains(role.name()))
                    .map(p -> p.organisation().name()).toList();
            if (!names.isEmpty()) {
                groups.add(new RoleGroup(role.name(), names));
            }
        }
        return groups;
    }
}
