package fr.dynamiques.sante.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.dynamiques.sante.data.DataFile;
import fr.dynamiques.sante.territory.TerritoryNames.Ambiguous;
import fr.dynamiques.sante.territory.TerritoryNames.Candidate;
import fr.dynamiques.sante.territory.TerritoryNames.Found;
import fr.dynamiques.sante.territory.TerritoryNames.Named;
import fr.dynamiques.sante.territory.TerritoryNames.Resolution;
import fr.dynamiques.sante.territory.TerritoryNames.Unknown;
import fr.dynamiques.sante.text.FoldedText;

/** Names as spreadsheets write them, resolved against the whole COG 2026 shipped under data/cog. */
@Tag("unit")
class TerritoryNamesTest {

    static CogFile cog;
    static List<Named> named;
    static TerritoryNames names;
    static Map<String, CogFile.CommuneRow> communes;

    @BeforeAll
    static void readCog() {
        cog = CogFile.parse(DataFile.read("cog/cog-2026.json.gz").bytes(), new ObjectMapper());
        communes = cog.communes().stream().collect(Collectors.toMap(CogFile.CommuneRow::code, Function.identity()));
        named = named(cog);
        names = TerritoryNames.of(named);
    }

    /**
     * Every name of the COG: each level's current names, and the names of former communes under their current
     * commune's code. An EPCI is placed in the département of most of its communes.
     */
    static List<Named> named(CogFile cog) {
        Map<String, String> departmentOfCommune = cog.communes().stream()
                .collect(Collectors.toMap(CogFile.CommuneRow::code, CogFile.CommuneRow::departmentCode));
        Map<String, Map<String, Long>> departmentsOfEpci = cog.communes().stream().filter(c -> c.epciSiren() != null)
                .collect(Collectors.groupingBy(CogFile.CommuneRow::epciSiren,
                        Collectors.groupingBy(CogFile.CommuneRow::departmentCode, TreeMap::new, Collectors.counting())));
        List<Named> named = new ArrayList<>();
        cog.regions().forEach(r -> named.add(new Named(TerritoryLevel.REGION, r.code(), r.name(), null, false, null)));
        cog.departments()
                .forEach(d -> named.add(new Named(TerritoryLevel.DEPARTMENT, d.code(), d.name(), d.code(), false, null)));
        cog.epcis().forEach(e -> named.add(new Named(TerritoryLevel.EPCI, e.siren(), e.name(),
                departmentsOfEpci.getOrDefault(e.siren(), Map.of()).entrySet().stream()
                        .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null),
                false, null)));
        cog.communes().forEach(
                c -> named.add(new Named(TerritoryLevel.COMMUNE, c.code(), c.name(), c.departmentCode(), false, null)));
        cog.arrondissements().forEach(a -> named.add(new Named(TerritoryLevel.ARRONDISSEMENT, a.code(), a.name(),
                departmentOfCommune.get(a.communeCode()), false, null)));
        cog.formerCommunes().stream().filter(f -> f.name() != null).forEach(f -> named.add(new Named(TerritoryLevel.COMMUNE,
                f.communeCode(), f.name(), departmentOfCommune.get(f.communeCode()), true, f.code())));
        return named;
    }

    @Test
    void epciByItsLegalFormAbbreviatedSpelledOutOrLeftOut() {
        for (String given : List.of("CC Le Grésivaudan", "cc le gresivaudan", "Communauté de communes Le Grésivaudan",
                "Communauté de communes du Grésivaudan", "C.C. du Grésivaudan", "Le Grésivaudan", "Grésivaudan")) {
            assertEquals(new Found("200018166", "CC Le Grésivaudan", null), names.resolve(TerritoryLevel.EPCI, given), given);
        }
        for (String given : List.of("CA du Pays Voironnais", "Communauté d'agglomération du Pays Voironnais",
                "COMMUNAUTE D'AGGLOMERATION DU PAYS VOIRONNAIS", "Pays Voironnais", "CA Pays Voironnais")) {
            assertEquals(new Found("243800984", "CA du Pays Voironnais", null), names.resolve(TerritoryLevel.EPCI, given),
                    given);
        }
        assertEquals("243800984", found(TerritoryLevel.EPCI, "Pays Voironnais (38)").code());
    }

    @Test
    void communeWithItsDepartementAsCodeNameOrAfterAComma() {
        for (String given : List.of("Saint-Martin-d'Hères (38)", "Saint-Martin-d'Hères (Isère)", "Saint-Martin-d'Hères, 38",
                "Saint-Martin-d'Hères, isere", "  Saint-Martin-d'Hères ( 38 ) ")) {
            assertEquals(new Found("38421", "Saint-Martin-d'Hères", null), names.resolve(TerritoryLevel.COMMUNE, given), given);
        }
    }

    @Test
    void accentsCaseHyphensApostrophesAndArticlesDoNotMatter() {
        assertEquals(1, communesNamed("Saint-Martin-d'Hères").size(), "a name borne by one commune only");
        for (String given : List.of("Saint-Martin-d'Hères", "SAINT MARTIN D HERES", "saint-martin-d’heres",
                "Saint Martin Hères",
                "St-Martin-d'Hères", "ST MARTIN D'HERES")) {
            assertEquals("38421", found(TerritoryLevel.COMMUNE, given).code(), given);
        }
    }

    @Test
    void saintsAbbreviated() {
        List<CogFile.CommuneRow> saintEtienne = communesNamed("Saint-Étienne");
        assertEquals(1, saintEtienne.size());
        assertEquals(new Found(saintEtienne.get(0).code(), "Saint-Étienne", null),
                names.resolve(TerritoryLevel.COMMUNE, "St Étienne"));
        assertEquals(saintEtienne.get(0).code(), found(TerritoryLevel.COMMUNE, "st-etienne").code());

        CogFile.CommuneRow sainte = cog.communes().stream().filter(c -> c.name().startsWith("Sainte-"))
                .filter(c -> communesNamed(c.name()).size() == 1).findFirst().orElseThrow();
        String abbreviated = "Ste " + sainte.name().substring("Sainte-".length());
        assertEquals(sainte.code(), found(TerritoryLevel.COMMUNE, abbreviated).code(), abbreviated);
    }

    @Test
    void arrondissementByItsShortForms() {
        for (String given : List.of("Paris 18e", "Paris 18", "Paris 18ème", "Paris 18eme", "Paris XVIIIe",
                "Paris 18e arrondissement",
                "18e arrondissement de Paris", "PARIS 18E ARRONDISSEMENT", "Paris 18e (75)")) {
            assertEquals(new Found("75118", "Paris 18e Arrondissement", null),
                    names.resolve(TerritoryLevel.ARRONDISSEMENT, given), given);
        }
        assertEquals(arrondissementNamed("Marseille 1er Arrondissement"),
                found(TerritoryLevel.ARRONDISSEMENT, "Marseille 1er").code());
        assertEquals(arrondissementNamed("Marseille 1er Arrondissement"),
                found(TerritoryLevel.ARRONDISSEMENT, "Marseille Ier").code());
        assertEquals(arrondissementNamed("Lyon 3e Arrondissement"), found(TerritoryLevel.ARRONDISSEMENT, "Lyon 3eme").code());
    }

    @Test
    void everyArrondissementByCityAndRank() {
        Pattern official = Pattern.compile("(.+) (\\d+)(?:er|e) Arrondissement");
        for (CogFile.ArrondissementRow arrondissement : cog.arrondissements()) {
            Matcher name = official.matcher(arrondissement.name());
            assertTrue(name.matches(), arrondissement.name());
            String given = name.group(1) + " " + name.group(2) + "e";
            assertEquals(new Found(arrondissement.code(), arrondissement.name(), null),
                    names.resolve(TerritoryLevel.ARRONDISSEMENT, given), given);
        }
        assertFalse(cog.arrondissements().isEmpty());
    }

    @Test
    void onlyTheLevelAskedFor() {
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.COMMUNE, "Paris 18e"));
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.EPCI, "Saint-Martin-d'Hères"));
        assertEquals("38", found(TerritoryLevel.DEPARTMENT, "Isère").code());
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.REGION, "Isère"));
    }

    @Test
    void everyDepartementAndRegionByItsName() {
        for (CogFile.DepartmentRow department : cog.departments()) {
            assertEquals(new Found(department.code(), department.name(), null),
                    names.resolve(TerritoryLevel.DEPARTMENT, department.name()), department.name());
            assertEquals(department.code(), found(TerritoryLevel.DEPARTMENT, department.name().toUpperCase()).code());
        }
        assertEquals("38", found(TerritoryLevel.DEPARTMENT, "isere").code());
        for (CogFile.RegionRow region : cog.regions()) {
            assertEquals(region.code(), found(TerritoryLevel.REGION, region.name()).code(), region.name());
        }
    }

    @Test
    void everyEpciByItsNameAndItsDepartementWhenItsNameIsNotItsOwn() {
        Map<String, Long> borne = cog.epcis().stream()
                .collect(Collectors.groupingBy(e -> FoldedText.of(e.name()), Collectors.counting()));
        Map<String, String> departments = named.stream().filter(n -> n.level() == TerritoryLevel.EPCI)
                .collect(Collectors.toMap(Named::code, n -> String.valueOf(n.departmentCode())));
        for (CogFile.EpciRow epci : cog.epcis()) {
            Resolution resolution = names.resolve(TerritoryLevel.EPCI, epci.name());
            if (borne.get(FoldedText.of(epci.name())) == 1) {
                assertEquals(new Found(epci.siren(), epci.name(), null), resolution, epci.name());
            } else {
                assertTrue(codes(resolution).contains(epci.siren()), epci.name());
                String given = epci.name() + " (" + departments.get(epci.siren()) + ")";
                assertEquals(epci.siren(), found(TerritoryLevel.EPCI, given).code(), given);
            }
        }
    }

    @Test
    void homonymsAreAmbiguousUntilTheDepartementIsGiven() {
        String homonym = cog.communes().stream()
                .collect(Collectors.groupingBy(CogFile.CommuneRow::name, TreeMap::new, Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<CogFile.CommuneRow> bearers = communesNamed(homonym);
        assertTrue(bearers.size() > 1);

        Ambiguous ambiguous = assertInstanceOf(Ambiguous.class, names.resolve(TerritoryLevel.COMMUNE, homonym));
        assertEquals(bearers.stream().map(c -> new Candidate(c.code(), c.name(), c.departmentCode())).toList(),
                ambiguous.candidates());

        for (CogFile.CommuneRow bearer : bearers) {
            String given = homonym + " (" + bearer.departmentCode() + ")";
            assertEquals(new Found(bearer.code(), homonym, null), names.resolve(TerritoryLevel.COMMUNE, given), given);
        }
        Set<String> theirDepartments = bearers.stream().map(CogFile.CommuneRow::departmentCode).collect(Collectors.toSet());
        CogFile.DepartmentRow elsewhere = cog.departments().stream().filter(d -> !theirDepartments.contains(d.code()))
                .findFirst().orElseThrow();
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.COMMUNE, homonym + " (" + elsewhere.code() + ")"));
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.COMMUNE, homonym + " (" + elsewhere.name() + ")"));
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.COMMUNE, "Saint-Martin-d'Hères (69)"));
    }

    @Test
    void formerCommuneNamesItsCurrentCommune() {
        for (String given : List.of("Arzay", "ARZAY", "Arzay (38)", "Arzay (Isère)")) {
            assertEquals(new Found("38479", "Porte-des-Bonnevaux", "Arzay"), names.resolve(TerritoryLevel.COMMUNE, given),
                    given);
        }
        Set<String> currentNames = cog.communes().stream().map(c -> FoldedText.of(c.name())).collect(Collectors.toSet());
        Map<String, Set<String>> currentCodesOfFormerNames = cog.formerCommunes().stream().filter(f -> f.name() != null)
                .collect(Collectors.groupingBy(f -> FoldedText.of(f.name()),
                        Collectors.mapping(CogFile.FormerCommuneRow::communeCode, Collectors.toSet())));
        int checked = 0;
        for (CogFile.FormerCommuneRow former : cog.formerCommunes()) {
            String folded = FoldedText.of(former.name());
            if (former.name() != null && !currentNames.contains(folded) && currentCodesOfFormerNames.get(folded).size() == 1) {
                assertEquals(new Found(former.communeCode(), communes.get(former.communeCode()).name(), former.name()),
                        names.resolve(TerritoryLevel.COMMUNE, former.name()), former.name());
                checked++;
            }
        }
        assertTrue(checked > 0);
    }

    @Test
    void aCurrentNameIsPreferredOverAnotherCommunesFormerName() {
        Map<String, List<CogFile.CommuneRow>> byName = cog.communes().stream()
                .collect(Collectors.groupingBy(CogFile.CommuneRow::name));
        CogFile.FormerCommuneRow former = cog.formerCommunes().stream()
                .filter(f -> f.name() != null && byName.getOrDefault(f.name(), List.of()).size() == 1
                        && !byName.get(f.name()).get(0).departmentCode().equals(communes.get(f.communeCode()).departmentCode()))
                .findFirst().orElseThrow();
        CogFile.CommuneRow current = byName.get(former.name()).get(0);
        assertEquals(new Found(current.code(), current.name(), null), names.resolve(TerritoryLevel.COMMUNE, former.name()));

        // In the former commune's département, where no current commune bears that name, the former name is the answer.
        CogFile.CommuneRow absorbing = communes.get(former.communeCode());
        String given = former.name() + " (" + absorbing.departmentCode() + ")";
        assertEquals(new Found(absorbing.code(), absorbing.name(), former.name()), names.resolve(TerritoryLevel.COMMUNE, given),
                given);
    }

    @Test
    void anOfficialNameThatLooksHintedIsTakenWhole() {
        TerritoryNames few = TerritoryNames.of(List.of(
                new Named(TerritoryLevel.DEPARTMENT, "01", "Ain", "01", false, null),
                new Named(TerritoryLevel.COMMUNE, "38999", "Pont, Ain", "38", false, null),
                new Named(TerritoryLevel.COMMUNE, "01999", "Pont", "01", false, null)));
        assertEquals(new Found("38999", "Pont, Ain", null), few.resolve(TerritoryLevel.COMMUNE, "Pont, Ain"));
        assertEquals(new Found("01999", "Pont", null), few.resolve(TerritoryLevel.COMMUNE, "Pont (1)"));
        assertEquals(new Found("01999", "Pont", null), few.resolve(TerritoryLevel.COMMUNE, "Pont (01)"));
    }

    @Test
    void nothingToResolve() {
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.COMMUNE, "Zzyzx-sur-Nowhere"));
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.COMMUNE, "Zzyzx-sur-Nowhere (38)"));
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.COMMUNE, "(38)"));
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.COMMUNE, ""));
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.COMMUNE, "   "));
        assertInstanceOf(Unknown.class, names.resolve(TerritoryLevel.COMMUNE, null));
    }

    @Test
    void everyCommuneByItsNameAndDepartement() {
        Map<String, Long> borne = cog.communes().stream()
                .collect(Collectors.groupingBy(c -> FoldedText.of(c.name()), Collectors.counting()));
        List<Named> all = named(cog);
        TerritoryNames built = TerritoryNames.of(all);
        for (CogFile.CommuneRow commune : cog.communes()) {
            String given = commune.name() + " (" + commune.departmentCode() + ")";
            assertEquals(new Found(commune.code(), commune.name(), null), built.resolve(TerritoryLevel.COMMUNE, given), given);

            // Without the département, a name some other commune also bears (accents aside) cannot decide.
            Resolution withoutDepartment = built.resolve(TerritoryLevel.COMMUNE, commune.name());
            if (borne.get(FoldedText.of(commune.name())) == 1) {
                assertEquals(new Found(commune.code(), commune.name(), null), withoutDepartment, commune.name());
            } else {
                assertTrue(codes(withoutDepartment).contains(commune.code()), commune.name());
            }
        }
    }

    private static Found found(TerritoryLevel level, String given) {
        return assertInstanceOf(Found.class, names.resolve(level, given), given);
    }

    private static Set<String> codes(Resolution resolution) {
        if (resolution instanceof Found found) {
            return Set.of(found.code());
        }
        if (resolution instanceof Ambiguous ambiguous) {
            return ambiguous.candidates().stream().map(Candidate::code).collect(Collectors.toCollection(TreeSet::new));
        }
        return Set.of();
    }

    private static List<CogFile.CommuneRow> communesNamed(String name) {
        return cog.communes().stream().filter(c -> c.name().equals(name)).sorted(Comparator.comparing(CogFile.CommuneRow::code))
                .toList();
    }

    private static String arrondissementNamed(String name) {
        return cog.arrondissements().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().code();
    }
}
