package fr.dynamiques.sante.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import fr.dynamiques.sante.geo.CommuneTopology;
import fr.dynamiques.sante.geo.MapFrame;
import fr.dynamiques.sante.territory.CogSnapshot;
import fr.dynamiques.sante.territory.CogSnapshot.CommuneFacts;
import fr.dynamiques.sante.web.CommuneMap.Label;
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
    /** Around a perimeter, a fifth of its larger span is shown each way, and at least 4 km: its neighbours. */
    static final double AROUND = 0.2;
    static final double LEAST_AROUND = 4_000;
    /** Labels' font sizes as shown on a map drawn {@link #WIDTH} wide, an average letter's width per pixel of size. */
    static final int AREA_SIZE = 18;
    static final int PLACE_SIZE = 15;
    static final double LETTER = 0.56;
    /** Communes named at most on a map, the most populous first, when their names fit. */
    static final int NAMED = 6;
    /** Pixels kept free around a name. */
    static final int GAP = 2;

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
     * and its title gives the range. Names are written where they fit: the départements' on a région's map
     * ({@code namesDepartments}), else the highlighted commune's and those of the most populous. {@code query} follows each
     * commune's link ("?kind=CPTS": the kind chosen follows the person).
     */
    public CommuneMap counts(Map<String, Integer> schemesByPlace, Collection<String> highlighted, boolean namesDepartments,
            String query) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i <= MOST; i++) {
            layers.add(new Layer("n" + i, new ArrayList<>()));
        }
        return classed(schemesByPlace, (count, fewest) -> layers.get(Math.min(count, MOST)),
                (count, fewest) -> fewest.equals(count) ? String.valueOf(count) : fewest + "–" + count, layers, highlighted,
                namesDepartments, query);
    }

    /**
     * Communes classed by the CPTS at work covering them (see {@code overlap.CptsStages}): each class a layer filled
     * with its pattern ({@link StageClass}), the white zones hatched ({@code n0}), the tooltip naming the class. A city
     * drawn whole takes its most advanced arrondissement's class, and its tooltip the range. A map too large for links
     * (a région's) names its communes only: a class in each of 4,000 tooltips weighed 60 KB, and its communes are listed
     * class by class beside it. Otherwise as {@link #counts}.
     */
    public CommuneMap stages(Map<String, StageClass> byPlace, Collection<String> highlighted, boolean namesDepartments,
            String query,
            Function<StageClass, String> names) {
        // A class's rank is its distance from the white zones (the last of the enum): a city's highest is its most advanced.
        List<Layer> layers = new ArrayList<>();
        Map<Integer, Layer> byRank = new TreeMap<>();
        for (StageClass stage : StageClass.values()) {
            Layer layer = new Layer(stage.getStyle(), new ArrayList<>(), stage);
            layers.add(layer);
            byRank.put(StageClass.NONE.ordinal() - stage.ordinal(), layer);
        }
        Map<String, Integer> ranks = new TreeMap<>();
        byPlace.forEach((code, stage) -> ranks.put(code, StageClass.NONE.ordinal() - stage.ordinal()));
        boolean said = cog.communesOf(byPlace.keySet()).size() <= CommuneMap.MOST_LINKED;
        return classed(ranks, (rank, lowest) -> byRank.get(rank), !said ? (rank, lowest) -> null
                : (rank, lowest) -> names.apply(byRank.get(rank).stage())
                        + (lowest.equals(rank) ? "" : " – " + names.apply(byRank.get(lowest).stage())),
                layers, highlighted, namesDepartments, query);
    }

    /**
     * Communes in layers by a value of their places (a city drawn whole, with no arrondissement outlines, takes its
     * highest): {@code layer} picks the layer from a commune's highest and lowest values, {@code said} what its tooltip says
     * after its name (null: nothing).
     */
    private CommuneMap classed(Map<String, Integer> byPlace, BiFunction<Integer, Integer, Layer> layer,
            BiFunction<Integer, Integer, String> said,
            List<Layer> layers, Collection<String> highlighted, boolean namesDepartments, String query) {
        Map<String, int[]> byCommune = new TreeMap<>();
        byPlace.forEach((code, value) -> {
            CommuneFacts place = cog.place(code);
            if (place != null) {
                byCommune.merge(place.communeCode(), new int[] { value, value },
                        (a, b) -> new int[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) });
            }
        });
        MapFrame frame = topology.frame(byCommune.keySet(), WIDTH, HEIGHT);
        byCommune.forEach((code, range) -> {
            CommuneFacts commune = cog.commune(code);
            if (commune != null && frame.draws(code)) {
                // Relative: the map is on a territory's page, /territoires/{level}/{code} (CanonicalPaths drops a final slash).
                String value = said.apply(range[1], range[0]);
                layer.apply(range[1], range[0]).shapes().add(new Shape("../communes/" + code + query,
                        value == null ? commune.name() : commune.name() + " : " + value, frame.commune(code)));
            }
        });
        List<Trace> traces = highlighted.isEmpty() ? List.of() : List.of(new Trace("outline", frame.outline(highlighted)));
        Names names = new Names(frame);
        if (namesDepartments) {
            Map<String, List<String>> byDepartment = frame.communes().stream()
                    .collect(Collectors.groupingBy(this::department, TreeMap::new,
                            Collectors.toList()));
            byDepartment.forEach((department, communes) -> names.area(cog.departmentName(department), communes));
        } else {
            highlighted.forEach(names::place);
            mostPopulous(frame.communes()).forEach(names::place);
        }
        return drawn(frame, List.copyOf(layers), traces, names.written(), frame.undrawn());
    }

    /**
     * A perimeter among its neighbours: the map framed on its communes with a margin around them, its communes filled
     * ({@code m}) and outlined, the neighbours plain ({@code o}), and over the outline the part of each other perimeter
     * that runs through the map ({@code t1} to {@code t6}, dashed: where it follows the outline, it shows on it).
     * Perimeters come as places; a city with arrondissements is drawn whole (the geography has no arrondissements).
     */
    public CommuneMap perimeter(Collection<String> places, List<? extends Collection<String>> otherPlaces) {
        Set<String> members = cog.communesOf(places);
        List<Set<String>> others = otherPlaces.stream().map(cog::communesOf).toList();
        MapFrame frame = topology.frameAround(members, AROUND, LEAST_AROUND, WIDTH, HEIGHT);
        Set<String> inPerimeter = Set.copyOf(members);
        List<Shape> filled = new ArrayList<>();
        List<Shape> plain = new ArrayList<>();
        for (String code : new TreeSet<>(frame.communes())) {
            CommuneFacts commune = cog.commune(code);
            if (commune != null) {
                (inPerimeter.contains(code) ? filled : plain)
                        .add(new Shape("/territoires/communes/" + code, commune.name(), frame.commune(code)));
            }
        }
        List<Trace> traces = new ArrayList<>();
        traces.add(new Trace("outline", frame.outline(members)));
        for (int i = 0; i < others.size() && i < TRACED; i++) {
            traces.add(new Trace("t" + (i + 1), frame.edges(others.get(i))));
        }
        int undrawn = (int) inPerimeter.stream().filter(code -> !frame.draws(code)).count();
        Names names = new Names(frame);
        mostPopulous(members).forEach(names::place);
        mostPopulous(frame.communes()).forEach(names::place);
        return drawn(frame, List.of(new Layer("o", plain), new Layer("m", filled)), traces, names.written(), undrawn);
    }

    /** With the borders between départements, drawn once over the communes' own edges. */
    private CommuneMap drawn(MapFrame frame, List<Layer> layers, List<Trace> traces, List<Label> labels, int undrawn) {
        return new CommuneMap(frame.width(), frame.height(), layers,
                frame.borders((a, b) -> !department(a).equals(department(b))),
                traces, labels, undrawn);
    }

    /** The most populous of these communes, most first: the names a reader looks for on a map. */
    private List<String> mostPopulous(Collection<String> communes) {
        return communes.stream().map(cog::commune).filter(Objects::nonNull)
                .sorted(Comparator.comparingLong(CommuneFacts::population).reversed()).limit(NAMED).map(CommuneFacts::code)
                .toList();
    }

    /**
     * The names written on one map, each where it fits: inside the drawing and over no name already written. Widths
     * are estimated from the number of letters (the pages use the system's sans-serif font), in the map's pixels.
     */
    private final class Names {
        private final MapFrame frame;
        private final double zoom;
        private final List<Label> written = new ArrayList<>();
        private final List<int[]> taken = new ArrayList<>();
        private final Set<String> named = new HashSet<>();

        Names(MapFrame frame) {
            this.frame = frame;
            // Every map is shown as wide as the column: a narrower drawing is enlarged, so its names are written smaller.
            this.zoom = (double) frame.width() / WIDTH;
        }

        void area(String name, Collection<String> communes) {
            write("area", name, frame.centre(communes), AREA_SIZE);
        }

        void place(String code) {
            CommuneFacts commune = cog.commune(code);
            if (commune != null && named.add(code)) {
                write("place", commune.name(), frame.centre(List.of(code)), PLACE_SIZE);
            }
        }

        private void write(String style, String text, int[] at, int shownSize) {
            if (at == null || text == null) {
                return;
            }
            int size = Math.max((int) Math.round(shownSize * zoom), 8);
            int halfWidth = (int) Math.ceil(text.length() * size * LETTER / 2);
            // With a few pixels around: names touching one another read as one.
            int[] box = { at[0] - halfWidth - GAP, at[1] - size - GAP, at[0] + halfWidth + GAP, at[1] + size / 3 + GAP };
            boolean inside = box[0] >= 0 && box[1] >= 0 && box[2] <= frame.width() && box[3] <= frame.height();
            boolean free = taken.stream().noneMatch(t -> t[0] < box[2] && box[0] < t[2] && t[1] < box[3] && box[1] < t[3]);
            if (inside && free) {
                taken.add(box);
                written.add(new Label(style, text, at[0], at[1], size));
            }
        }

        List<Label> written() {
            return List.copyOf(written);
        }
    }

    private String department(String commune) {
        CommuneFacts facts = cog.commune(commune);
        return facts == null ? "" : facts.departmentCode();
    }
}
