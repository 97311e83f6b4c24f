package fr.dynamiques.sante.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** What a French public site states: its legal notice and its accessibility statement (RGAA 4.1.2). */
@Produces(MediaType.TEXT_HTML)
@Path("/")
public class LegalPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance legal(LegalConfig legal);

        static native TemplateInstance accessibility(LegalConfig legal);
    }

    private final LegalConfig legal;
    private final Visitor visitor;

    LegalPages(LegalConfig legal, Visitor visitor) {
        this.legal = legal;
        this.visitor = visitor;
    }

    @GET
    @Path("mentions-legales")
    public TemplateInstance legal() {
        return visitor.page(Templates.legal(legal));
    }

    @GET
    @Path("accessibilite")
    public TemplateInstance accessibility() {
        return visitor.page(Templates.accessibility(legal));
    }
}
