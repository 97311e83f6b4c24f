// A partner's program against the directory, written with the client openapi-generator makes from the directory's
// OpenAPI document (typescript-fetch), compiled in strict mode. It does what partners do: the schemes of a
// département, one of them, its overlaps, a search, a commune. Each expectation comes from the demo registry's
// published facts (data/README.md); any failure exits non-zero.
import { Configuration, ChevauchementsEtCouvertureApi, DispositifsApi, RechercheApi, ResponseError, TerritoiresApi } from "./generated";

const basePath = process.argv[2];
const config = new Configuration({ basePath });
let checks = 0;

function expect(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error("not as expected: " + what);
  }
  checks++;
}

async function main(): Promise<void> {
  const schemes = new DispositifsApi(config);

  const isere = await schemes.listSchemes({ department: "38", size: 200 });
  expect(isere.total > 0 && isere.items.length === isere.total, "the schemes of département 38, on one page");
  expect(isere.items.every(s => (s.departments ?? []).some(d => d.code === "38")), "each of them touches département 38");
  const cpts = isere.items.find(s => s.ref === "demo-cpts-sud-est-grenoblois");
  expect(cpts !== undefined && cpts.kind === "CPTS", "the CPTS Sud-Est Grenoblois among them");

  const read = await schemes.getScheme({ id: cpts!.id! });
  expect(read.ref === cpts!.ref && read.name === cpts!.name, "the scheme read by its id");
  expect((read.perimeter.communes ?? []).length + (read.perimeter.epcis ?? []).length > 0, "its perimeter as declared");

  const overlaps = await new ChevauchementsEtCouvertureApi(config).getSchemeOverlaps({ id: read.id! });
  const smh = overlaps.find(o => o.scheme.name.includes("Saint-Martin-d'Hères"));
  expect(smh !== undefined && smh.shareOfOther === 1, "the CLS of Saint-Martin-d'Hères lies wholly within it");

  const found = await new RechercheApi(config).searchSchemes({ q: "échirolles", kind: ["CLS"] });
  expect(found.items.length > 0 && found.items[0].ref === "demo-cls-echirolles", "a search finds the CLS of Échirolles first");
  expect((found.facets["kind"] ?? []).some(f => f.value === "CLS"), "with its facets");

  const commune = await new TerritoiresApi(config).getCommune({ code: "38151" });
  expect(commune.name === "Échirolles" && commune.department.code === "38" && commune.region.code === "84",
      "the commune 38151 with its département and région");

  try {
    await schemes.getScheme({ id: 999999999 });
    expect(false, "an unknown scheme answers 404");
  } catch (e) {
    expect(e instanceof ResponseError && e.response.status === 404, "an unknown scheme answers 404");
  }
  console.log(`generated client: ${checks} checks passed`);
}

main().catch(e => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
