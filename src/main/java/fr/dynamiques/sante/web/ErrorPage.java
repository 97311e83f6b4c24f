package fr.dynamiques.sante.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fr.dynamiques.sante.problem.Problem;
import fr.dynamiques.sante.problem.ProblemPages;

/**
 * What a visitor sees instead of problem details when a page fails: a sentence in their language, the fields at
 * fault, a way back; never a stack trace.
 */
@ApplicationScoped
public class ErrorPage implements ProblemPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, List<Problem.FieldError> errors);
    }

    private final Visitor visitor;

    ErrorPage(Visitor visitor) {
        this.visitor = visitor;
    }

    /** Pages are everything but the API and Quarkus's own endpoints, which answer in JSON. */
    @Override
    public boolean serves(String path) {
        return servesPath(path);
    }

    static boolean servesPath(String path) {
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/");
    }

    @Override
    public String render(int status, List<Problem.FieldError> errors) {
        return visitor.page(Templates.error(status, errors)).render();
    }
}
