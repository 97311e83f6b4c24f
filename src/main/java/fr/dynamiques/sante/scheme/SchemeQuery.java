package fr.dynamiques.sante.scheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import fr.dynamiques.sante.territory.TerritoryLevel;
import fr.dynamiques.sante.territory.TerritoryPlaces;
import fr.dynamiques.sante.text.FoldedText;

/** Reads the registry: the schemes matching a filter, a page at a time, in name order. */
@ApplicationScoped
public class SchemeQuery {

    /** A record not checked for this long is listed to refresh. */
    public static final int UNVERIFIED_MONTHS = 12;

    /** One page of schemes and how many match in all. */
    public record Page(List<Scheme> items, long total, int page, int size) {
    }

    private final EntityManager em;

    SchemeQuery(EntityManager em) {
        this.em = em;
    }

    public Page find(SchemeFilter filter, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        return page(where(filter, parameters), parameters, "s.sort_name, s.id", page, size);
    }

    /**
     * The schemes matching the filter whose end date falls between today and {@code until}, soonest first: the
     * contracts to renew. Without a status filter, those at work (ACTIVE, RENEWAL).
     */
    public Page ending(SchemeFilter filter, LocalDate until, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        String where = atWorkUnlessSaid(filter, parameters) + " and s.end_date between :today and :until";
        parameters.put("today", LocalDate.now());
        parameters.put("until", until);
        return page(where, parameters, "s.end_date, s.sort_name, s.id", page, size);
    }

    /**
     * Schemes at work (of the filter's statuses, if any) not checked against their source for {@link #UNVERIFIED_MONTHS}
     * months, touching one of {@code regions} (any when empty), oldest check first: the records to refresh, for the
     * ending list and the ARS officers' space alike.
     */
    public Page unverified(SchemeFilter filter, Collection<String> regions, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        // Counted from the last check, or from the record's creation when it was never checked.
        String where = atWorkUnlessSaid(filter, parameters)
                + " and coalesce(s.last_verified, s.created_at::date) < current_date - make_interval(months => :months)";
        parameters.put("months", UNVERIFIED_MONTHS);
        if (!regions.isEmpty()) {
            where += " and " + coversPlaceOf(TerritoryPlaces.condition(TerritoryLevel.REGION, "regions"));
            parameters.put("regions", List.copyOf(regions));
        }
        return page(where, parameters, "s.last_verified nulls first, s.sort_name, s.id", page, size);
    }

    /** The schemes at work (of the filter's statuses, if any) without an end date, by name: whose renewal nobody can plan. */
    public Page withoutEndDate(SchemeFilter filter, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        return page(atWorkUnlessSaid(filter, parameters) + " and s.end_date is null", parameters, "s.sort_name, s.id", page,
                size);
    }

    /**
     * How many schemes at work (of the filter's statuses, if any) have no end date, by région they touch: a renewal
     * nobody can plan. A scheme straddling régions counts in each.
     */
    public Map<String, Long> withoutEndDateByRegion(SchemeFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        Query query = em.createNativeQuery("""
                select d.region_code as region, count(distinct s.id) as schemes from scheme s
                join scheme_commune sc on sc.scheme_id = s.id join place c on c.code = sc.commune_code
                join department d on d.code = c.department_code
                where %s and s.end_date is null group by d.region_code order by d.region_code"""
                .formatted(atWorkUnlessSaid(filter, parameters)), Tuple.class);
        parameters.forEach(query::setParameter);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Tuple columns = (Tuple) row;
            counts.put(columns.get("region", String.class), columns.get("schemes", Number.class).longValue());
        }
        return counts;
    }

    /** The filter's conditions, and ACTIVE or RENEWAL when it names no status. */
    private String atWorkUnlessSaid(SchemeFilter filter, Map<String, Object> parameters) {
        if (!filter.statuses().isEmpty()) {
            return where(filter, parameters);
        }
        parameters.put("atWork", SchemeStatus.AT_WORK);
        return where(filter, parameters) + " and s.status in (:atWork)";
    }

    private Page page(String where, Map<String, Object> parameters, String order, int page, int size) {
        Query count = em.createNativeQuery("select count(*) from scheme s where " + where);
        parameters.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        Query ids = em.createNativeQuery("select s.id from scheme s where " + where + " order by " + order);
        parameters.forEach(ids::setParameter);
        @SuppressWarnings("unchecked")
        List<Number> found = ids.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page(byIds(found.stream().map(Number::longValue).toList()), total, page, size);
    }

    /** Which of these schemes the filter keeps: a page of search results told apart by the territory each covers. */
    public Set<Long> among(Collection<Long> ids, SchemeFilter filter) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Map<String, Object> parameters = new HashMap<>();
        Query query = em
                .createNativeQuery("select s.id from scheme s where " + where(filter, parameters) + " and s.id in (:ids)");
        parameters.put("ids", List.copyOf(ids));
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Number> kept = query.getResultList();
        return kept.stream().map(Number::longValue).collect(Collectors.toSet());
    }

    /** Every scheme, in name order: the open-data export. */
    public List<Scheme> all() {
        return Scheme.list("order by sortName, id");
    }

    private static List<Scheme> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Scheme> loaded = Scheme.<Scheme> list("id in ?1", ids).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        return ids.stream().map(loaded::get).toList();
    }

    /**
     * The labels in use falling under the asked theme ({@link Theme#covers}): its spellings, and the free tags naming it.
     * Never empty, so that the SQL stays valid.
     */
    @SuppressWarnings("unchecked")
    private List<String> spellings(String theme) {
        List<String> inUse = em.createNativeQuery("select distinct t from scheme s, unnest(s.themes) t").getResultList();
        List<String> matching = new ArrayList<>(inUse.stream().filter(t -> Theme.covers(theme, t)).toList());
        matching.add(theme.strip());
        return matching;
    }

    /** One SQL condition per filter, each saying what it keeps. */
    private String where(SchemeFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("true");
        if (!filter.kinds().isEmpty()) {
            conditions.add("s.kind in (:kinds)");
            parameters.put("kinds", filter.kinds());
        }
        if (!filter.statuses().isEmpty()) {
            conditions.add("s.status in (:statuses)");
            parameters.put("statuses", filter.statuses());
        }
        if (filter.density() != null) {
            conditions.add("s.density = :density");
            parameters.put("density", filter.density().name());
        }
        if (filter.ref() != null) {
            conditions.add("s.ref = :ref");
            parameters.put("ref", filter.ref());
        }
        // Territory filters: the scheme covers at least one place (commune, arrondissement) of that territory.
        if (filter.commune() != null) {
            // The code of a commune (its places: itself, or a city's arrondissements) or of an arrondissement.
            conditions.add(coversPlaceOf("(" + TerritoryPlaces.condition(TerritoryLevel.COMMUNE, "commune") + " or "
                    + TerritoryPlaces.condition(TerritoryLevel.ARRONDISSEMENT, "commune") + ")"));
            parameters.put("commune", filter.commune());
        }
        if (filter.epci() != null) {
            conditions.add(coversPlaceOf(TerritoryPlaces.condition(TerritoryLevel.EPCI, "epci")));
            parameters.put("epci", filter.epci());
        }
        if (!filter.departments().isEmpty()) {
            conditions.add(coversPlaceOf(TerritoryPlaces.condition(TerritoryLevel.DEPARTMENT, "departments")));
            parameters.put("departments", filter.departments());
        }
        if (filter.region() != null) {
            conditions.add(coversPlaceOf(TerritoryPlaces.condition(TerritoryLevel.REGION, "region")));
            parameters.put("region", filter.region());
        }
        if (filter.theme() != null) {
            conditions.add("exists (select 1 from unnest(s.themes) t where t in (:themes))");
            parameters.put("themes", spellings(filter.theme()));
        }
        if (filter.funder() != null) {
            // A funder: a partner with the role FUNDER (fundings add that role), named or given by id.
            conditions.add("exists (select 1 from scheme_partner p join organisation o on o.id = p.organisation_id "
                    + "where p.scheme_id = s.id and 'FUNDER' = any(p.roles) and (o.name_key = :funderKey or cast(o.id as text) = :funderId))");
            parameters.put("funderKey", FoldedText.of(filter.funder()));
            parameters.put("funderId", filter.funder());
        }
        return String.join(" and ", conditions);
    }

    /** The scheme (on {@code s}) covers at least one place (on {@code place c}) the condition keeps. */
    private static String coversPlaceOf(String places) {
        return "exists (select 1 from scheme_commune sc join place c on c.code = sc.commune_code where sc.scheme_id = s.id and "
                + places + ")";
    }
}
