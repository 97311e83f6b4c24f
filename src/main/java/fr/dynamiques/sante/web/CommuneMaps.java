package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import fr.dynamiques.sante.geo.CommuneTopology;
import fr.dynamiques.sante.geo.MapFrame;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.CommuneFacts;
import fr.dynamiques.sante.web.CommuneMap.Layer;
import fr.dynamiques.sante.web.CommuneMap.Shape;
import fr.dynamiques.sante.web.CommuneMap.Trace;

/** Draws the commune maps of the pages, from the communes' topology and the COG's names. */
@ApplicationScoped
public class CommuneMaps {

    /** The box a map fits in, in pixels: the width of the page's text column, about. */
    static final int WIDTH = 720;
    static final int HEIGHT = 640;
    /** Communes are classed by the number of schemes covering them: none (a white zone), 1, 2, 3, this many or more. */
    static final int MOST = 4;
    /** Other schemes' perimeters drawn over a scheme's map, each in its own style; the rest are in the table only. */
    static final int TRACED = 6;

    private final CommuneTopology topology;
    private final CogSnapshot cog;

    CommuneMaps(CommuneTopology topology, CogSnapshot cog) {
        this.topology = topology;
        this.cog = cog;
    }

    /**
     * Communes coloured by how many schemes cover each (classes {@code n0} to {@code n4}, {@code n0} hatched as a white
     * zone), with the outline of {@code highlighted} drawn over (a commune on its EPCI's map; none for a territory's).
     * Counts are by place: a city drawn whole (no arrondissement outlines) takes its most covered arrondissement's class,
     * and its title gives the range.
     */
    public CommuneMap counts(Map<String, Integer> schemesByPlace, Collection<String> highlighted) {
        Map<String, int[]> byCommune = new TreeMap<>();
        schemesByPlace.forEach((code, count) -> {
            CommuneFacts place = cog.place(code);
            if (place != null) {
                byCommune.merge(place.communeCode(), new int[] {count, count},
                        (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        });
        MapFrame frame = topology.frame(byCommune.keySet(), WIDTH, HEIGHT);
        List<List<Shape>> classes = new ArrayList<>();
        for (int i = 0; i <= MOST; i++) {
            classes.add(new ArrayList<>());
        }
        byCommune.forEach((code, range) -> {
            CommuneFacts commune = cog.commune(code);
            if (commune != null && frame.draws(code)) {
                String counted = range[0] == range[1] ? String.valueOf(range[1]) : range[0] + "–" + range[1];
                // Relative: the map is on a territory's page, /territoires/{level}/{code} (CanonicalPaths drops a final slash).
                classes.get(Math.min(range[1], MOST)).add(new Shape("../communes/" + code, commune.name() + " : " + counted, frame.commune(code)));
            }
        });
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i <= MOST; i++) {
            layers.add(new Layer("n" + i, classes.get(i)));
        }
        List<Trace> traces = highlighted.isEmpty() ? List.of() : List.of(new Trace("outline", frame.outline(highlighted)));
        return drawn(frame, layers, traces, frame.undrawn());
    }

    /**
     * A perimeter in the context of its départements: its communes filled ({@code m}) and outlined, the other communes
     * plain ({@code o}), and the part of each other perimeter that runs through the map ({@code t1} to {@code t6}).
     * Perimeters come as places; a city with arrondissements is drawn whole (the geography has no arrondissements).
     */
    public CommuneMap perimeter(Collection<String> places, List<? extends Collection<String>> otherPlaces) {
        Set<String> members = cog.communesOf(places);
        List<Set<String>> others = otherPlaces.stream().map(cog::communesOf).toList();
        Set<String> departments = members.stream().map(cog::commune).filter(Objects::nonNull).map(CommuneFacts::departmentCode)
                .collect(Collectors.toSet());
        Set<String> context = new TreeSet<>(members);
        departments.forEach(d -> context.addAll(cog.communesOfDepartment(d)));
        MapFrame frame = topology.frame(context, WIDTH, HEIGHT);
        Set<String> inPerimeter = Set.copyOf(members);
        List<Shape> filled = new ArrayList<>();
        List<Shape> plain = new ArrayList<>();
        for (String code : context) {
            CommuneFacts commune = cog.commune(code);
            if (commune != null && frame.draws(code)) {
                (inPerimeter.contains(code) ? filled : plain).add(new Shape("/territoires/communes/" + code, commune.name(), frame.commune(code)));
            }
        }
        List<Trace> traces = new ArrayList<>();
        for (int i = 0; i < others.size() && i < TRACED; i++) {
            traces.add(new Trace("t" + (i + 1), frame.edges(others.get(i))));
        }
        traces.add(new Trace("outline", frame.outline(members)));
        int undrawn = (int) inPerimeter.stream().filter(code -> !frame.draws(code)).count();
        return drawn(frame, List.of(new Layer("o", plain), new Layer("m", filled)), traces, undrawn);
    }

    /** With the borders between départements, drawn once over the communes' own edges. */
    private CommuneMap drawn(MapFrame frame, List<Layer> layers, List<Trace> traces, int undrawn) {
        return new CommuneMap(frame.width(), frame.height(), layers, frame.borders((a, b) -> !department(a).equals(department(b))),
                traces, undrawn);
    }

    private String department(String commune) {
        CommuneFacts facts = cog.commune(commune);
        return facts == null ? "" : facts.departmentCode();
    }
}
