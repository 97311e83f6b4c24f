package fr.dynamiques.sante.web;

/** A link of a page: where it goes and what it says. */
public record Link(String label, String href) {

    /** The page of a territory, by its API level name and code. */
    static Link territory(String level, String code, String name) {
        return new Link(name, TerritoryPage.path(level, code));
    }
}
