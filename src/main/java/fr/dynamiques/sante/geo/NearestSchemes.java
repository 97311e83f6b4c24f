package fr.dynamiques.sante.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import fr.dynamiques.sante.geo.CommuneTopology.Centroid;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * The nearest schemes at work (active or being renewed) of each kind around a commune: those covering the commune of
 * their perimeter whose centroid is nearest to the commune's, at the distance between the two centroids, read from the
 * per-commune counts (commune_coverage, V4__coverage.sql): the nearest communes in one query (a kind at work next door
 * is found there), then, for a kind still wanted, every place it covers in one more: two queries at most, and one per
 * kind found for its schemes.
 */
@ApplicationScoped
public class NearestSchemes {

    /** Communes looked at in the first query, nearest first. */
    static final int BATCH = 400;

    /** The nearest schemes of a kind: {@code here} when they cover the commune itself (then at 0 km). */
    public record Nearest(String kind, boolean here, double km, String communeCode, List<Long> schemes) {
    }

    private final CommuneTopology topology;
    private final CogSnapshot cog;
    private final EntityManager em;

    NearestSchemes(CommuneTopology topology, CogSnapshot cog, EntityManager em) {
        this.topology = topology;
        this.cog = cog;
        this.em = em;
    }

    /**
     * For each kind with a scheme at work anywhere, the nearest to this commune or arrondissement (an arrondissement is
     * placed at its city's centroid: the geography has no arrondissement outlines), by kind code. Empty when the commune
     * has no outline (the overseas collectivities), so no distance can be told.
     */
    public Optional<List<Nearest>> around(String place) {
        CogSnapshot.CommuneFacts facts = cog.place(place);
        String city = facts == null ? place : facts.isArrondissement() ? facts.city() : facts.code();
        Map<String, Centroid> centroids = topology.centroids();
        Centroid origin = centroids.get(city);
        if (origin == null) {
            return Optional.empty();
        }
        Set<String> wanted = new TreeSet<>(kindsAtWork());
        if (wanted.isEmpty()) {
            return Optional.of(List.of());
        }
        Map<String, Nearest> found = new LinkedHashMap<>();
        // The commune itself first, then the others by distance; a city's arrondissements count as the city.
        List<Map.Entry<String, Double>> byDistance = new ArrayList<>(centroids.size());
        centroids.forEach((code, centroid) -> byDistance.add(Map.entry(code, code.equals(city) ? -1 : origin.km(centroid))));
        byDistance.sort(Map.Entry.comparingByValue());
        // The nearest communes first, in one query: a kind at work next door is found there. A kind still wanted is rare
        // around here: the places it covers anywhere are read in one more query and the nearest taken in memory (batch
        // after batch, a kind found only across France cost a query per 400 communes, some eighty on a commune's page).
        List<Map.Entry<String, Double>> nearby = byDistance.subList(0, Math.min(BATCH, byDistance.size()));
        Map<String, List<String>> partsOf = new HashMap<>();
        for (Map.Entry<String, Double> entry : nearby) {
            partsOf.put(entry.getKey(), partsOf(entry.getKey(), city, place));
        }
        take(nearby, partsOf, covered(partsOf.values().stream().flatMap(List::stream).toList(), wanted), wanted, found);
        if (!wanted.isEmpty()) {
            Map<String, Set<String>> anywhere = covered(null, wanted);
            Set<String> communes = anywhere.keySet().stream().map(p -> cog.place(p) == null ? p : cog.place(p).communeCode())
                    .collect(Collectors.toSet());
            List<Map.Entry<String, Double>> far = byDistance.stream().filter(e -> communes.contains(e.getKey())).toList();
            Map<String, List<String>> farParts = new HashMap<>();
            far.forEach(e -> farParts.put(e.getKey(), partsOf(e.getKey(), city, place)));
            take(far, farParts, anywhere, wanted, found);
        }
        return Optional.of(found.values().stream().sorted(Comparator.comparing(Nearest::kind)).toList());
    }

    /** The places of a commune as perimeters hold them: itself, a city's arrondissements, or the arrondissement asked about. */
    private List<String> partsOf(String commune, String city, String place) {
        List<String> parts = commune.equals(city) && !place.equals(city) ? List.of(place) : cog.arrondissementsOf(commune);
        return parts.isEmpty() ? List.of(commune) : parts;
    }

    /** Walking the communes nearest first, the first place covered by each kind still wanted. */
    private void take(List<Map.Entry<String, Double>> communes, Map<String, List<String>> partsOf,
            Map<String, Set<String>> kindsByPlace,
            Set<String> wanted, Map<String, Nearest> found) {
        for (Map.Entry<String, Double> entry : communes) {
            for (String part : partsOf.get(entry.getKey())) {
                for (String kind : kindsByPlace.getOrDefault(part, Set.of())) {
                    if (wanted.remove(kind)) {
                        boolean here = entry.getValue() < 0;
                        found.put(kind, new Nearest(kind, here, here ? 0 : entry.getValue(), part, schemes(part, kind)));
                    }
                }
            }
        }
    }

    /** The kinds with at least one scheme at work somewhere (from the régions' counts: a few hundred rows). */
    private List<String> kindsAtWork() {
        return em.createNativeQuery("""
                select distinct kind from area_schemes where level = 'region' and status in (:atWork) and schemes > 0""",
                String.class)
                .setParameter("atWork", SchemeStatus.AT_WORK).getResultList().stream().map(String.class::cast).toList();
    }

    /** Of these places (null: anywhere), those some scheme at work of these kinds covers, with those kinds. */
    private Map<String, Set<String>> covered(List<String> places, Set<String> kinds) {
        var query = em.createNativeQuery(
                """
                        select commune_code as place, kind from commune_coverage
                        where %s kind in (:kinds) and status in (:atWork) and schemes > 0"""
                        .formatted(places == null ? "" : "commune_code in (:places) and"),
                Tuple.class).setParameter("kinds", kinds).setParameter("atWork", SchemeStatus.AT_WORK);
        if (places != null) {
            query.setParameter("places", places);
        }
        @SuppressWarnings("unchecked")
        List<Tuple> rows = query.getResultList();
        Map<String, Set<String>> covered = new HashMap<>();
        rows.forEach(row -> covered.computeIfAbsent(row.get("place", String.class), p -> new TreeSet<>())
                .add(row.get("kind", String.class)));
        return covered;
    }

    /** The schemes at work of that kind covering that place, by name. */
    private List<Long> schemes(String place, String kind) {
        return em.createNativeQuery("""
                select s.id from scheme s join scheme_commune sc on sc.scheme_id = s.id
                where sc.commune_code = :place and s.kind = :kind and s.status in (:atWork)
                order by s.name, s.id""", Long.class)
                .setParameter("place", place).setParameter("kind", kind).setParameter("atWork", SchemeStatus.AT_WORK)
                .getResultList()
                .stream().map(id -> ((Number) id).longValue()).toList();
    }
}
