package fr.dynamiques.sante.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import fr.dynamiques.sante.data.DataFile;
import fr.dynamiques.sante.scheme.SchemeDocument;
import fr.dynamiques.sante.scheme.SchemeDocument.CoordinatorEntry;
import fr.dynamiques.sante.scheme.SchemeDocument.FundingEntry;
import fr.dynamiques.sante.scheme.SchemeDocument.OrganisationRef;
import fr.dynamiques.sante.scheme.SchemeDocument.PartnerEntry;
import fr.dynamiques.sante.scheme.SchemeDocument.Perimeter;
import fr.dynamiques.sante.territory.CogFile;

/**
 * A synthetic registry of schemes over INSEE's real geography, to load and measure the directory at
 * national scale without anyone's data: organisations are named after real places, people are fictional.
 * Deterministic: one Random, sorted inputs, no hash-order iteration; same scale and seed, same output.
 * At scale 1, about 3,000 schemes in the proportions of the real landscape; every count scales.
 */
public final class SyntheticRegistry {

    private static final String COG = "cog/cog-2026.json.gz";
    /** "Now" for statuses and funding years, fixed so that the output does not depend on the clock. */
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 1);
    private static final int CLS_TERRITORIES = 600, CPTS = 900, CLSM = 260, ASV = 250, TOTAL = 3000;
    /** Bounds of the CPTS population bands, one per ACI size (<40k, 40-80k, 80-175k, >175k). */
    private static final long[] CPTS_BANDS = { 18_000, 40_000, 80_000, 175_000, 300_000 };

    private static final List<String> THEMES = List.of("accès aux droits et aux soins", "accès aux soins",
            "accès à un médecin traitant", "soins non programmés", "parcours de soins", "prévention",
            "promotion de la santé", "santé mentale", "prévention du suicide", "addictions", "nutrition",
            "activité physique", "sédentarité", "santé environnementale", "habitat indigne", "périnatalité",
            "petite enfance", "santé des jeunes", "vieillissement", "perte d'autonomie", "handicap", "précarité",
            "violences intrafamiliales", "santé sexuelle", "vaccination", "dépistage des cancers",
            "maladies chroniques", "complémentaire santé", "attractivité du territoire pour les professionnels",
            "crises sanitaires", "qualité et pertinence des soins");
    private static final List<String> CLS_THEMES = List.of("accès aux soins", "prévention", "santé mentale",
            "santé environnementale", "vieillissement", "nutrition", "activité physique",
            "attractivité du territoire pour les professionnels", "santé des jeunes", "parcours de soins");
    private static final List<String> CPTS_THEMES = List.of("accès à un médecin traitant", "soins non programmés",
            "parcours de soins", "prévention", "crises sanitaires");
    private static final List<String> CLSM_THEMES = List.of("prévention du suicide", "addictions", "précarité",
            "habitat indigne", "santé des jeunes", "handicap", "parcours de soins");
    private static final List<String> ASV_THEMES = List.of("accès aux droits et aux soins", "précarité", "nutrition",
            "santé des jeunes", "santé mentale", "complémentaire santé", "dépistage des cancers");

    private static final List<String> FEMALE_NAMES = List.of("Claire", "Sophie", "Julie", "Léa", "Manon", "Chloé",
            "Inès", "Nathalie", "Hélène", "Élodie", "Aurélie", "Fatima", "Sarah", "Emma");
    private static final List<String> MALE_NAMES = List.of("Thomas", "Nicolas", "Julien", "Antoine", "Mathieu",
            "Karim", "Hugo", "Lucas", "Pierre", "Olivier", "Yann", "Rémi", "Mehdi", "Louis");
    /** Surnames nobody could take for a real person's. */
    private static final List<String> LAST_NAMES = List.of("Exemple", "Fictif", "Modèle", "Témoin", "Factice",
            "Spécimen", "Prototype", "Échantillon", "Maquette", "Essai", "Simulé", "Imaginaire");

    private record Department(String code, String name, String regionName) {
    }

    private record Commune(String code, String name, Department department, String epci, long population) {
    }

    /** An EPCI with its members, and the département of its largest commune, which gives its ARS and CPAM. */
    private record Epci(String siren, String name, List<Commune> members, Department department) {
        /** Members in the EPCI's département: a CPTS stays within one. */
        List<Commune> localMembers() {
            return members.stream().filter(c -> c.department() == department).toList();
        }
    }

    /** Homonyms (two towns called Saint-Denis) get their département in organisation names, lest they merge. */
    private record Geography(List<Commune> communes, List<Epci> epcis, Map<String, Epci> epciBySiren,
            Set<String> homonyms) {
    }

    /** Identified by email across schemes, as the directory does. */
    private record Person(String firstName, String lastName, boolean female, String email) {
    }

    /** Where a CLS applies: "de ..." for its name, its perimeter, the collectivité carrying it. */
    private record Territory(String ofName, Perimeter perimeter, OrganisationRef carrier, Department department) {
    }

    /** The facts a kind fills in; {@link #emit} adds ref, coordinator, description and source. */
    private static final class Draft {
        final String kind;
        String name, status, previousRef, cptsStage, employer;
        LocalDate start, end, aciDate;
        Integer generation;
        List<String> themes, priorityNeighbourhoods;
        Perimeter perimeter;
        OrganisationRef hospital;
        final List<PartnerEntry> partners = new ArrayList<>();
        List<FundingEntry> fundings;

        Draft(String kind) {
            this.kind = kind;
        }
    }

    /** Draws without repeats until the pool is used up, then reshuffles: perimeters repeat only past scale 1. */
    private final class Deck<T> {
        private final List<T> items;
        private int next;

        Deck(Collection<T> pool) {
            items = new ArrayList<>(pool);
            next = items.size();
        }

        T draw() {
            if (next == items.size()) {
                Collections.shuffle(items, random);
                next = 0;
            }
            return items.get(next++);
        }
    }

    private final Random random;
    private final Geography geo;
    private final List<SchemeDocument> schemes = new ArrayList<>();
    // Only looked up, never iterated: their order cannot leak into the output.
    private final Map<String, Integer> refCounters = new HashMap<>(), qpvCounters = new HashMap<>(),
            cptsNameUses = new HashMap<>();
    private final List<Person> coordinatingOnce = new ArrayList<>();
    private int personCounter;
    private final Deck<Epci> clsEpcis;
    private final Deck<Commune> clsTowns, asvTowns, clsmTowns;
    private final List<Deck<Epci>> cptsEpcis = new ArrayList<>();

    private SyntheticRegistry(Geography geo, long seed) {
        this.geo = geo;
        this.random = new Random(seed);
        clsEpcis = new Deck<>(geo.epcis());
        clsTowns = new Deck<>(towns(20_000));
        asvTowns = new Deck<>(towns(20_000));
        clsmTowns = new Deck<>(towns(10_000));
        // A CPTS of a band is cut from an EPCI of at least three communes that can reach the band's population.
        for (int band = 0; band < 4; band++) {
            long low = CPTS_BANDS[band];
            cptsEpcis.add(new Deck<>(geo.epcis().stream().filter(e -> e.localMembers().size() >= 3
                    && population(e.localMembers()) >= low).toList()));
        }
    }

    public static List<SchemeDocument> generate(double scale, long seed) {
        return new SyntheticRegistry(loadGeography(), seed).run(scale);
    }

    private List<SchemeDocument> run(double scale) {
        repeat(count(CLS_TERRITORIES, scale), () -> clsLineage(false));
        repeat(count(CPTS, scale), () -> cpts(false));
        repeat(count(CLSM, scale), () -> clsm(false));
        repeat(count(ASV, scale), () -> asv(false));
        // Schemes in preparation make up the rest, mostly new CLS (ASV are a thing of the 2000s).
        repeat(Math.max(0, (int) Math.round(TOTAL * scale) - schemes.size()), () -> {
            double r = random.nextDouble();
            if (r < 0.6) {
                clsLineage(true);
            } else if (r < 0.75) {
                cpts(true);
            } else if (r < 0.95) {
                clsm(true);
            } else {
                asv(true);
            }
        });
        return schemes;
    }

    // CLS: one to three successive contracts on the same territory, the last one current.
    private void clsLineage(boolean inPreparation) {
        Territory territory = clsTerritory();
        if (inPreparation) {
            emit(cls(territory, 1, null, "DRAFT", null, null));
            return;
        }
        double r = random.nextDouble();
        int generations = r < 0.35 ? 1 : r < 0.82 ? 2 : 3;
        // Dated backwards from the current contract, signed 2022-2025: each older one ends before the next starts.
        LocalDate[] start = new LocalDate[generations], end = new LocalDate[generations];
        start[generations - 1] = LocalDate.of(2022 + random.nextInt(4), 1 + random.nextInt(12), 1);
        end[generations - 1] = start[generations - 1].plusYears(4 + random.nextInt(2)).minusDays(1);
        for (int i = generations - 2; i >= 0; i--) {
            end[i] = start[i + 1].minusMonths(random.nextInt(7)).minusDays(1);
            start[i] = end[i].plusDays(1).minusYears(4 + random.nextInt(2));
        }
        String previousRef = null;
        for (int i = 0; i < generations; i++) {
            // A current contract past its term is being renewed; a few are renegotiated before it.
            String status = i < generations - 1 ? "ENDED"
                    : end[i].isBefore(TODAY) || random.nextDouble() < 0.03 ? "RENEWAL" : "ACTIVE";
            previousRef = emit(cls(territory, i + 1, previousRef, status, start[i], end[i]));
        }
    }

    private Draft cls(Territory territory, int generation, String previousRef, String status, LocalDate start,
            LocalDate end) {
        Draft d = new Draft("CLS");
        d.name = List.of("Contrat", "Deuxième contrat", "Troisième contrat").get(generation - 1)
                + " local de santé " + territory.ofName();
        d.generation = generation;
        d.previousRef = previousRef;
        d.status = status;
        d.start = start;
        d.end = end;
        d.perimeter = territory.perimeter();
        d.themes = themes(CLS_THEMES, null);
        d.employer = territory.carrier().name();
        OrganisationRef ars = ars(territory.department());
        if (status.equals("DRAFT")) {
            d.partners.add(partner(territory.carrier(), "CARRIER"));
            d.partners.add(partner(ars, "PARTNER"));
            return d;
        }
        boolean funded = status.equals("ACTIVE") && random.nextDouble() < 0.7;
        d.partners.add(partner(territory.carrier(), "CARRIER", "SIGNATORY"));
        d.partners.add(funded ? partner(ars, "SIGNATORY", "FUNDER") : partner(ars, "SIGNATORY"));
        if (random.nextDouble() < 0.4) {
            d.partners.add(partner(prefecture(territory.department()), "SIGNATORY"));
        }
        if (random.nextDouble() < 0.3) {
            d.partners.add(partner(cpam(territory.department()), "SIGNATORY"));
        }
        d.fundings = funded ? fundings(ars.name(), start, end, 20_000, 60_000, 500, "coordination") : null;
        return d;
    }

    /** Mostly an EPCI, as most CLS are intercommunal; else a large town. */
    private Territory clsTerritory() {
        if (random.nextDouble() < 0.75) {
            Epci e = clsEpcis.draw();
            String name = label(e.name(), e.department());
            return new Territory(ofEpci(name), new Perimeter(null, List.of(e.siren()), null),
                    organisation(name, "EPCI", e.siren()), e.department());
        }
        Commune c = clsTowns.draw();
        return new Territory(de(label(c.name(), c.department())), new Perimeter(List.of(c.code()), null, null),
                town(c), c.department());
    }

    // CPTS: a cluster of neighbouring communes in one of the four ACI population bands.
    private void cpts(boolean inPreparation) {
        double r = random.nextDouble();
        Draft d = new Draft("CPTS");
        d.cptsStage = inPreparation || r < 0.10 ? "EMERGENCE"
                : r < 0.20 ? "LETTER_OF_INTENT"
                        : r < 0.35 ? "HEALTH_PROJECT_VALIDATED" : "ACI_SIGNED";
        Department department = cptsCluster(d);
        // The name is also that of the carrying association, which the directory matches by name.
        int uses = cptsNameUses.merge(d.name, 1, Integer::sum);
        d.name = uses == 1 ? d.name : d.name + " (secteur " + uses + ")";
        switch (d.cptsStage) {
            case "EMERGENCE" -> d.start = randomDate(2024, 2025);
            case "LETTER_OF_INTENT" -> d.start = randomDate(2023, 2025);
            case "HEALTH_PROJECT_VALIDATED" -> d.start = randomDate(2021, 2025);
            default -> {
                d.aciDate = randomDate(2019, 2025);
                d.start = d.aciDate.minusDays(90 + random.nextInt(450)); // the health project came first
            }
        }
        boolean signed = d.cptsStage.equals("HEALTH_PROJECT_VALIDATED") || d.cptsStage.equals("ACI_SIGNED");
        d.status = signed ? "ACTIVE" : "DRAFT";
        d.themes = themes(CPTS_THEMES, null);
        d.employer = d.name;
        OrganisationRef ars = ars(department), cpam = cpam(department);
        d.partners.add(partner(organisation(d.name, "ASSOCIATION", null), "CARRIER"));
        d.partners.add(signed ? partner(ars, "SIGNATORY", "FUNDER") : partner(ars, "PARTNER"));
        d.partners.add(signed ? partner(cpam, "SIGNATORY", "FUNDER") : partner(cpam, "PARTNER"));
        if (signed && random.nextDouble() < 0.7) {
            d.fundings = d.aciDate != null ? fundings(cpam.name(), d.aciDate, null, 50_000, 400_000, 1_000, "ACI")
                    : fundings(ars.name(), d.start, null, 15_000, 50_000, 500, "accompagnement du projet de santé");
        }
        emit(d);
    }

    /** Sets the perimeter and the name (before de-duplication); returns the département. */
    private Department cptsCluster(Draft d) {
        double r = random.nextDouble();
        int band = r < 0.35 ? 0 : r < 0.65 ? 1 : r < 0.87 ? 2 : 3;
        long low = CPTS_BANDS[band], high = CPTS_BANDS[band + 1];
        long target = low + (long) (random.nextDouble() * (high - low));
        Epci epci = cptsEpcis.get(band).draw();
        List<Commune> local = epci.localMembers();
        long epciPopulation = population(epci.members());
        if (local.size() == epci.members().size() && local.size() <= 30 && epciPopulation >= low
                && epciPopulation < high && random.nextBoolean()) {
            d.name = "CPTS " + epci.name().replaceFirst("^(CC|CA|CU) ", "");
            d.perimeter = new Perimeter(null, List.of(epci.siren()), null);
            return epci.department();
        }
        // Consecutive members of the EPCI from a random one, until the target population or 30 communes.
        int from = random.nextInt(local.size());
        List<Commune> picked = new ArrayList<>();
        for (int i = 0; i < local.size() && picked.size() < 30; i++) {
            if (picked.size() >= 3 && population(picked) >= target) {
                break;
            }
            picked.add(local.get((from + i) % local.size()));
        }
        Commune main = picked.stream().max(Comparator.comparingLong(Commune::population)).orElseThrow();
        d.name = "CPTS " + label(main.name(), main.department()) + " et environs";
        d.perimeter = new Perimeter(picked.stream().map(Commune::code).sorted().toList(), null, null);
        return epci.department();
    }

    // CLSM: a town of more than 10,000 inhabitants, sometimes with neighbours, often with its hospital.
    private void clsm(boolean inPreparation) {
        Commune city = clsmTowns.draw();
        Draft d = new Draft("CLSM");
        List<String> codes = new ArrayList<>(List.of(city.code()));
        if (city.epci() != null && random.nextDouble() < 0.25) {
            List<Commune> local = geo.epciBySiren().get(city.epci()).members().stream()
                    .filter(c -> c.department() == city.department()).toList();
            int at = local.indexOf(city), more = Math.min(1 + random.nextInt(3), local.size() - 1);
            for (int i = 1; i <= more; i++) {
                codes.add(local.get((at + i) % local.size()).code());
            }
        }
        String ofCity = de(label(city.name(), city.department()));
        d.name = "Conseil local de santé mentale " + ofCity;
        d.perimeter = new Perimeter(codes.stream().sorted().toList(), null, null);
        d.hospital = random.nextBoolean() ? organisation("CH " + ofCity, "HOSPITAL", null) : null;
        if (inPreparation) {
            d.status = "DRAFT";
        } else if (random.nextDouble() < 0.05) {
            d.status = "ENDED";
            d.start = randomDate(2010, 2017);
            d.end = d.start.plusYears(3 + random.nextInt(5)).minusDays(1);
        } else {
            d.status = "ACTIVE";
            d.start = randomDate(2010, 2025);
        }
        d.themes = themes(CLSM_THEMES, "santé mentale");
        d.employer = town(city).name();
        d.partners.add(partner(town(city), "CARRIER"));
        d.partners.add(partner(ars(city.department()), "PARTNER"));
        emit(d);
    }

    // ASV: a town of more than 20,000 inhabitants and its priority neighbourhoods (QPV).
    private void asv(boolean inPreparation) {
        Commune city = asvTowns.draw();
        Draft d = new Draft("ASV");
        d.name = "Atelier santé ville " + de(label(city.name(), city.department()));
        d.perimeter = new Perimeter(List.of(city.code()), null, null);
        // Shaped like INSEE's codes: "QN", the département on three characters, a counter.
        String department = "0".repeat(3 - city.department().code().length()) + city.department().code();
        d.priorityNeighbourhoods = new ArrayList<>();
        for (int i = 1 + random.nextInt(2); i > 0; i--) {
            d.priorityNeighbourhoods.add(String.format(Locale.ROOT, "QN%s%03d", department,
                    qpvCounters.merge(department, 1, Integer::sum)));
        }
        if (inPreparation) {
            d.status = "DRAFT";
        } else if (random.nextDouble() < 0.15) { // many workshops of the 2000s have stopped
            d.status = "ENDED";
            d.start = randomDate(2000, 2012);
            d.end = d.start.plusYears(5 + random.nextInt(8)).minusDays(1);
        } else {
            d.status = "ACTIVE";
            d.start = randomDate(2000, 2022);
        }
        d.themes = themes(ASV_THEMES, null);
        d.employer = town(city).name();
        d.partners.add(partner(town(city), "CARRIER"));
        d.partners.add(partner(prefecture(city.department()), "PARTNER", "FUNDER"));
        d.partners.add(partner(ars(city.department()), "PARTNER"));
        emit(d);
    }

    /** Adds ref, coordinator, description and source, and records the scheme; returns its ref. */
    private String emit(Draft d) {
        String ref = String.format(Locale.ROOT, "syn-%s-%06d", d.kind.toLowerCase(Locale.ROOT),
                refCounters.merge(d.kind, 1, Integer::sum));
        List<CoordinatorEntry> coordinators = random.nextDouble() < 0.6 ? List.of(coordinator(d.kind, d.employer)) : null;
        String description = random.nextDouble() >= 0.4 ? null
                : d.status.equals("DRAFT")
                        ? "Dispositif en préparation (données synthétiques)."
                        : "Dispositif porté par " + d.employer + " (données synthétiques).";
        schemes.add(new SchemeDocument(null, ref, d.name, d.kind, null, d.status, d.start, d.end, description, null,
                d.themes, d.perimeter, d.generation, d.previousRef, null, d.cptsStage, d.aciDate, d.hospital,
                d.priorityNeighbourhoods, d.partners, d.fundings, coordinators, null, null,
                "https://example.org/synthetic/" + ref, null, null, null, null, null, null, null, null, null, null, null,
                null));
        return ref;
    }

    /** A fictional person; about one in twenty coordinates a second scheme, under the same email. */
    private CoordinatorEntry coordinator(String kind, String employer) {
        Person p;
        if (!coordinatingOnce.isEmpty() && random.nextDouble() < 0.05) {
            p = coordinatingOnce.remove(random.nextInt(coordinatingOnce.size()));
        } else {
            boolean female = random.nextBoolean();
            List<String> firstNames = female ? FEMALE_NAMES : MALE_NAMES;
            String first = firstNames.get(random.nextInt(firstNames.size()));
            String last = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
            String email = ascii(first) + "." + ascii(last) + "." + (++personCounter) + "@example.org";
            p = new Person(first, last, female, email);
            coordinatingOnce.add(p);
        }
        boolean publicContact = random.nextBoolean();
        String title = p.female() ? "Coordinatrice " + kind + " (fictive)" : "Coordinateur " + kind + " (fictif)";
        return new CoordinatorEntry(null, p.firstName(), p.lastName(), title, p.email(), null, employer, publicContact,
                publicContact ? LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)) : null);
    }

    /** One to three yearly amounts: the last years of the period, up to last year. */
    private List<FundingEntry> fundings(String funder, LocalDate start, LocalDate end, int min, int max, int step,
            String purpose) {
        int lastYear = Math.max(start.getYear(), Math.min(end == null ? 9999 : end.getYear(), TODAY.getYear() - 1));
        List<FundingEntry> fundings = new ArrayList<>();
        for (int year = Math.max(start.getYear(), lastYear - random.nextInt(3)); year <= lastYear; year++) {
            long amount = min + (long) step * random.nextInt((max - min) / step + 1);
            fundings.add(new FundingEntry(funder, year, BigDecimal.valueOf(amount), purpose));
        }
        return fundings;
    }

    /** One to four labels, mostly among the kind's favourites, the mandatory one first. */
    private List<String> themes(List<String> favourites, String mandatory) {
        Set<String> themes = new LinkedHashSet<>();
        if (mandatory != null) {
            themes.add(mandatory);
        }
        for (int wanted = 1 + random.nextInt(4); themes.size() < wanted;) {
            List<String> pool = random.nextDouble() < 0.7 ? favourites : THEMES;
            themes.add(pool.get(random.nextInt(pool.size())));
        }
        return List.copyOf(themes);
    }

    // Organisations are spelt by these methods only: the registry matches them by name.

    private static OrganisationRef organisation(String name, String type, String cogCode) {
        return new OrganisationRef(null, name, type, null, null, cogCode);
    }

    private static OrganisationRef ars(Department d) {
        return organisation("ARS " + d.regionName(), "ARS", null);
    }

    private static OrganisationRef cpam(Department d) {
        return organisation("CPAM " + de(d.name()), "CPAM", null);
    }

    private static OrganisationRef prefecture(Department d) {
        return organisation("Préfecture " + de(d.name()), "STATE", null);
    }

    private OrganisationRef town(Commune c) {
        return organisation("Ville " + de(label(c.name(), c.department())), "COMMUNE", c.code());
    }

    private static PartnerEntry partner(OrganisationRef organisation, String... roles) {
        return new PartnerEntry(organisation, List.of(roles));
    }

    private String label(String name, Department department) {
        return geo.homonyms().contains(name) ? name + " (" + department.name() + ")" : name;
    }

    /** "de la Communauté de communes X": legal forms spelt out as in contracts' titles, unless the name has one. */
    private static String ofEpci(String name) {
        String form = name.startsWith("CC ") ? "Communauté de communes "
                : name.startsWith("CA ")
                        ? "Communauté d'agglomération "
                        : name.startsWith("CU ") ? "Communauté urbaine " : null;
        String rest = form == null ? name : name.substring(3);
        if (form == null || rest.matches(".*(Communauté|Agglo|Métropole).*")) {
            return rest.startsWith("Métropole") ? "de la " + rest : de(rest);
        }
        return "de la " + form + rest;
    }

    /** French "de" before a name: "du Havre", "des Abymes", "d'Échirolles", "de Grenoble". */
    private static String de(String name) {
        if (name.startsWith("Le ")) {
            return "du " + name.substring(3);
        } else if (name.startsWith("Les ")) {
            return "des " + name.substring(4);
        }
        return "AEIOUÉÈÊÎÔÂ".indexOf(name.charAt(0)) >= 0 ? "d'" + name : "de " + name;
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private LocalDate randomDate(int fromYear, int toYear) {
        LocalDate from = LocalDate.of(fromYear, 1, 1);
        return from.plusDays(random.nextInt((int) (LocalDate.of(toYear + 1, 1, 1).toEpochDay() - from.toEpochDay())));
    }

    private List<Commune> towns(long moreThan) {
        return geo.communes().stream().filter(c -> c.population() > moreThan).toList();
    }

    private static long population(List<Commune> communes) {
        return communes.stream().mapToLong(Commune::population).sum();
    }

    private static int count(int atScaleOne, double scale) {
        return Math.max(1, (int) Math.round(atScaleOne * scale));
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }

    /** The COG, keeping communes with a population, in départements with an ARS (not the 975 and beyond). */
    private static Geography loadGeography() {
        CogFile cog = CogFile.parse(DataFile.read(COG).bytes(), new ObjectMapper());
        Map<String, String> regions = new HashMap<>(), epciNames = new HashMap<>();
        cog.regions().forEach(r -> regions.put(r.code(), r.name()));
        cog.epcis().forEach(e -> epciNames.put(e.siren(), e.name()));
        Map<String, Department> departments = new HashMap<>();
        for (CogFile.DepartmentRow d : cog.departments()) {
            if (d.regionCode().length() == 2) {
                departments.put(d.code(), new Department(d.code(), d.name(), regions.get(d.regionCode())));
            }
        }
        List<Commune> communes = new ArrayList<>();
        for (CogFile.CommuneRow c : cog.communes()) {
            Department d = departments.get(c.departmentCode());
            if (d != null && c.population() != null) {
                communes.add(new Commune(c.code(), c.name(), d, c.epciSiren(), c.population()));
            }
        }
        communes.sort(Comparator.comparing(Commune::code));
        List<Epci> epcis = new ArrayList<>();
        communes.stream().filter(c -> c.epci() != null)
                .collect(Collectors.groupingBy(Commune::epci, TreeMap::new, Collectors.toList()))
                .forEach((siren, members) -> epcis.add(new Epci(siren, epciNames.get(siren), List.copyOf(members),
                        members.stream().max(Comparator.comparingLong(Commune::population)).orElseThrow().department())));
        List<String> names = new ArrayList<>(epcis.stream().map(Epci::name).toList());
        communes.stream().filter(c -> c.population() > 10_000).forEach(c -> names.add(c.name()));
        Set<String> seen = new HashSet<>();
        Set<String> homonyms = names.stream().filter(n -> !seen.add(n)).collect(Collectors.toSet());
        return new Geography(List.copyOf(communes), List.copyOf(epcis),
                epcis.stream().collect(Collectors.toMap(Epci::siren, Function.identity())), homonyms);
    }

    /** Options: --scale (default 1), --seed (default 2026), --out (default: standard output). */
    public static void main(String[] args) throws IOException {
        double scale = 1;
        long seed = 2026;
        String out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = args[++i];
                default ->
                    throw new IllegalArgumentException("usage: SyntheticRegistry [--scale 1] [--seed 2026] [--out file]");
            }
        }
        List<SchemeDocument> schemes = generate(scale, seed);
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        try (OutputStream os = out == null ? System.out : new BufferedOutputStream(Files.newOutputStream(Path.of(out)))) {
            mapper.writeValue(os, schemes);
        }
        Map<String, Long> byKind = schemes.stream()
                .collect(Collectors.groupingBy(SchemeDocument::kind, TreeMap::new, Collectors.counting()));
        System.err.printf(Locale.ROOT, "synthetic registry (scale %s, seed %d): %d schemes, %s%n", scale, seed,
                schemes.size(), byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
    }
}
