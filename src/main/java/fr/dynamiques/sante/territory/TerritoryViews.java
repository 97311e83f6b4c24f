package fr.dynamiques.sante.territory;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shapes of the territory endpoints (see shared/API.md), built from the referential in memory
 * ({@link CogSnapshot}): a territory's read needs no database round trip.
 */
public final class TerritoryViews {

    private TerritoryViews() {
    }

    @Schema(description = "A code and a name", requiredProperties = { "code", "name" })
    public record Ref(@Schema(examples = "38") String code, @Schema(examples = "Isère") String name) {
        static Ref of(CogSnapshot.DepartmentFacts d) {
            return new Ref(d.code(), d.name());
        }

        static Ref of(CogSnapshot.RegionFacts r) {
            return new Ref(r.code(), r.name());
        }
    }

    @Schema(description = "An EPCI named by its SIREN", requiredProperties = { "siren", "name" })
    public record EpciRef(@Schema(examples = "200040715") String siren,
            @Schema(examples = "Grenoble-Alpes-Métropole") String name) {
    }

    @Schema(description = "A current commune of the COG", requiredProperties = { "code", "name", "postalCodes", "department",
            "region", "formerCodes", "formerCommunes", "arrondissements" })
    public record CommuneView(
            @Schema(examples = "38151") String code,
            @Schema(examples = "Échirolles") String name,
            @Schema(description = "Municipal population (INSEE); null when none is published", examples = "37491") Long population,
            @Schema(examples = "[\"38130\"]") List<String> postalCodes,
            Ref department,
            Ref region,
            @Schema(description = "Null for the few communes outside any EPCI") EpciRef epci,
            @Schema(description = "Codes of the former communes now part of this one (they redirect here)", examples = "[\"38016\"]") List<String> formerCodes,
            @Schema(description = "Its delegated and associated communes: the names still in use") List<FormerCommuneRef> formerCommunes,
            @Schema(description = "Its municipal arrondissements (Paris, Lyon and Marseille only)") List<MemberCommune> arrondissements) {

        static CommuneView of(CogSnapshot cog, CogSnapshot.CommuneFacts c) {
            CogSnapshot.DepartmentFacts department = cog.department(c.departmentCode());
            List<CogSnapshot.FormerCommune> formers = cog.formerCommunesOf(c.code());
            return new CommuneView(c.code(), c.name(), published(c), c.postalCodes(), Ref.of(department),
                    Ref.of(cog.region(department.regionCode())),
                    c.epciSiren() == null ? null : new EpciRef(c.epciSiren(), cog.epciName(c.epciSiren())),
                    formers.stream().map(CogSnapshot.FormerCommune::code).filter(code -> !code.equals(c.code())).distinct()
                            .sorted().toList(),
                    formers.stream().filter(f -> f.name() != null)
                            .map(f -> new FormerCommuneRef(f.code(), f.name(), f.type())).toList(),
                    cog.arrondissementsOf(c.code()).stream().map(a -> MemberCommune.of(cog.place(a))).toList());
        }
    }

    @Schema(description = "A former commune, now part of a current one", requiredProperties = { "code", "name" })
    public record FormerCommuneRef(@Schema(examples = "38016") String code, @Schema(examples = "Arzay") String name,
            @Schema(description = "deleguee or associee", examples = "deleguee") String type) {
    }

    @Schema(description = "A municipal arrondissement of Paris, Lyon or Marseille", requiredProperties = { "code", "name",
            "postalCodes", "commune", "department", "region" })
    public record ArrondissementView(
            @Schema(examples = "75118") String code,
            @Schema(examples = "Paris 18e Arrondissement") String name,
            @Schema(description = "Municipal population (INSEE)", examples = "183127") Long population,
            @Schema(examples = "[\"75018\"]") List<String> postalCodes,
            @Schema(description = "The commune it is part of") Ref commune,
            Ref department,
            Ref region) {

        static ArrondissementView of(CogSnapshot cog, CogSnapshot.CommuneFacts a) {
            CogSnapshot.DepartmentFacts department = cog.department(a.departmentCode());
            return new ArrondissementView(a.code(), a.name(), published(a), a.postalCodes(),
                    new Ref(a.city(), cog.commune(a.city()).name()), Ref.of(department),
                    Ref.of(cog.region(department.regionCode())));
        }
    }

    @Schema(description = "The answer for a former commune's code: where it is now", requiredProperties = { "code", "current" })
    public record FormerCommuneView(
            @Schema(examples = "38016") String code,
            @Schema(examples = "Arzay") String name,
            @Schema(examples = "deleguee") String type,
            @Schema(description = "The current commune it is part of") Ref current) {
    }

    @Schema(description = "A commune within a larger territory", requiredProperties = { "code", "name" })
    public record MemberCommune(@Schema(examples = "38151") String code, @Schema(examples = "Échirolles") String name,
            @Schema(examples = "37491") Long population) {
        static MemberCommune of(CogSnapshot.CommuneFacts c) {
            return new MemberCommune(c.code(), c.name(), published(c));
        }
    }

    @Schema(description = "An EPCI with its member communes", requiredProperties = { "siren", "name", "type", "population",
            "communes" })
    public record EpciView(
            @Schema(examples = "200040715") String siren,
            @Schema(examples = "Grenoble-Alpes-Métropole") String name,
            @Schema(description = "CC, CA, CU, METRO or MET69", examples = "METRO") String type,
            @Schema(examples = "Métropole") String typeLabel,
            @Schema(description = "Sum of the member communes' populations") long population,
            List<MemberCommune> communes) {

        /** Its communes the most populated first. */
        static EpciView of(CogSnapshot cog, CogSnapshot.EpciFacts e) {
            return new EpciView(e.siren(), e.name(), e.type(), Epci.typeLabel(e.type()), e.population(),
                    cog.epciCommunes(e.siren()).stream().map(MemberCommune::of).toList());
        }
    }

    @Schema(description = "A département", requiredProperties = { "code", "name", "population", "region" })
    public record DepartmentView(
            @Schema(examples = "38") String code,
            @Schema(examples = "Isère") String name,
            @Schema(description = "Sum of its communes' populations") long population,
            long communeCount,
            Ref region) {

        static DepartmentView of(CogSnapshot cog, CogSnapshot.DepartmentFacts d) {
            return new DepartmentView(d.code(), d.name(), d.population(), cog.communesOfDepartment(d.code()).size(),
                    Ref.of(cog.region(d.regionCode())));
        }
    }

    @Schema(description = "A région (or an overseas collectivité's pseudo-région)", requiredProperties = { "code", "name",
            "population" })
    public record RegionView(
            @Schema(examples = "84") String code,
            @Schema(examples = "Auvergne-Rhône-Alpes") String name,
            @Schema(description = "Sum of its communes' populations") long population,
            long communeCount,
            List<Ref> departments) {

        static RegionView of(CogSnapshot cog, CogSnapshot.RegionFacts r) {
            List<String> departments = cog.departmentsOfRegions(List.of(r.code()));
            return new RegionView(r.code(), r.name(), r.population(),
                    departments.stream().mapToLong(d -> cog.communesOfDepartment(d).size()).sum(),
                    departments.stream().map(d -> Ref.of(cog.department(d))).toList());
        }
    }

    /** A population as INSEE publishes it: null where it publishes none. */
    private static Long published(CogSnapshot.CommuneFacts place) {
        return place.populationPublished() ? place.population() : null;
    }
}
