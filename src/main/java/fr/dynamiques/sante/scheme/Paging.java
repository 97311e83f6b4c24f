package fr.dynamiques.sante.scheme;

/** Which page of a listing: its number, from 0, and its size, from 1 to {@link SchemeFilter#MAX_SIZE}. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_PAGE = 1_000_000;
    /** The constraint's message for a page number, as the API answers a bad one. */
    public static final String PAGE_RANGE = "a whole number from 0";
    public static final String SIZE_RANGE = "a whole number from 1 to " + SchemeFilter.MAX_SIZE;
}
