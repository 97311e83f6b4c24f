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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import fr.dynamiques.sante.geo.CommuneTopology.Centroid;
import fr.dynamiques.sante.scheme.SchemeStatus;
import fr.dynamiques.sante.territory.CogSnapshot;

/**
 * The nearest schemes at work (active or being renewed) of each kind around a commune: those covering the commune of
 * their perimeter whose centroid is nearest to the commune's, at the distance between the two centroids. Communes are
 * read nearest first, a batch at a time, from the per-commune counts (commune_coverage, V4__coverage.sql): a kind at
 * work next door is found in the first batch, without reading every perimeter.
 */
@ApplicationScoped
public class NearestSchemes {

    /** Communes looked at per query, nearest first. */
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
        Map<String, Nearest> found = new LinkedHashMap<>();
        // The commune itself first, then the others by distance; a city's arrondissements count as the city.
        List<Map.Entry<String, Double>> byDistance = new ArrayList<>(centroids.size());
        centroids.forEach((code, centroid) -> byDistance.add(Map.entry(code, code.equals(city) ? -1 : origin.km(centroid))));
        byDistance.sort(Map.Entry.comparingByValue());
        for (int from = 0; from < byDistance.size() && !wanted.isEmpty(); from += BATCH) {
            List<Map.Entry<String, Double>> batch = byDistance.subList(from, Math.min(from + BATCH, byDistance.size()));
            Map<String, List<String>> partsOf = new HashMap<>();
            for (Map.Entry<String, Double> entry : batch) {
                List<String> parts = entry.getKey().equals(city) && !place.equals(city) ? List.of(place) : cog.arrondissementsOf(entry.getKey());
                partsOf.put(entry.getKey(), parts.isEmpty() ? List.of(entry.getKey()) : parts);
            }
            Map<String, Set<String>> kindsByPlace = covered(partsOf.values().stream().flatMap(List::stream).toList(), wanted);
            for (Map.Entry<String, Double> entry : batch) {
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
        return Optional.of(found.values().stream().sorted(Comparator.comparing(Nearest::kind)).toList());
    }

    /** The kinds with at least one scheme at work somewhere (from the régions' counts: a few hundred rows). */
    private List<String> kindsAtWork() {
        return em.createNativeQuery("""
                select distinct kind from area_schemes where level = 'region' and status in (:atWork) and schemes > 0""", String.class)
                .setParameter("atWork", SchemeStatus.AT_WORK).getResultList().stream().map(String.class::cast).toList();
    }

    /** Of these places, those some scheme at work of these kinds covers, with those kinds. */
    private Map<String, Set<String>> covered(List<String> places, Set<String> kinds) {
        List<Tuple> rows = em.createNativeQuery("""
                select commune_code as place, kind from commune_coverage
                where commune_code in (:places) and kind in (:kinds) and status in (:atWork) and schemes > 0""", Tuple.class)
                .setParameter("places", places).setParameter("kinds", kinds).setParameter("atWork", SchemeStatus.AT_WORK).getResultList();
        Map<String, Set<String>> covered = new HashMap<>();
        rows.forEach(row -> covered.computeIfAbsent(row.get("place", String.class), p -> new TreeSet<>()).add(row.get("kind", String.class)));
        return covered;
    }

    /** The schemes at work of that kind covering that place, by name. */
    private List<Long> schemes(String place, String kind) {
        return em.createNativeQuery("""
                select s.id from scheme s join scheme_commune sc on sc.scheme_id = s.id
                where sc.commune_code = :place and s.kind = :kind and s.status in (:atWork)
                order by s.name, s.id""", Long.class)
                .setParameter("place", place).setParameter("kind", kind).setParameter("atWork", SchemeStatus.AT_WORK).getResultList()
                .stream().map(id -> ((Number) id).longValue()).toList();
    }
}
