// Turns the JSON files of @etalab/decoupage-administratif into the compact referential the
// directory loads (data/cog/cog-<year>.json.gz). Usage: node compact.mjs <package/data dir> <cog year> <package@version>
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [dir, year, source] = process.argv.slice(2);
if (!dir || !year || !source) {
  console.error('usage: node compact.mjs <package/data dir> <cog year> <package@version>');
  process.exit(2);
}
const read = name => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const regions = read('regions.json');
const departements = read('departements.json');
const epcis = read('epci.json');
const all = read('communes.json');
const communes = all.filter(c => c.type === 'commune-actuelle');
// The municipal arrondissements of Paris, Lyon and Marseille: parts of their commune, with their own population.
const arrondissements = all.filter(c => c.type === 'arrondissement-municipal');
// Former communes: the delegated and associated communes (named, with their current commune), then the codes
// INSEE lists as a current commune's former codes that no delegated or associated commune carries (no name).
const delegated = all.filter(c => c.type === 'commune-deleguee' || c.type === 'commune-associee');
const named = new Set(delegated.map(c => c.code));
const formerCommunes = [
  ...delegated.map(c => [c.code, c.nom, c.chefLieu, c.type === 'commune-deleguee' ? 'deleguee' : 'associee']),
  ...communes.flatMap(c => (c.anciensCodes ?? []).filter(code => !named.has(code)).map(code => [code, null, c.code, null]))
];

const epciOf = new Map();
for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);

const compact = {
  cogYear: Number(year),
  source,
  regions: regions.map(r => [r.code, r.nom]),
  departments: departements.map(d => [d.code, d.nom, d.region]),
  epcis: epcis.map(e => [e.code, e.nom, e.type]),
  communes: communes.map(c => [c.code, c.nom, c.departement, epciOf.get(c.code) ?? null,
    c.population ?? null, (c.codesPostaux ?? []).join(' ')]),
  arrondissements: arrondissements.map(a => [a.code, a.nom, a.commune, a.population ?? null, (a.codesPostaux ?? []).join(' ')]),
  formerCommunes
};
const out = join(new URL('.', import.meta.url).pathname, `cog-${year}.json.gz`);
writeFileSync(out, gzipSync(JSON.stringify(compact), { level: 9 }));
console.log(`${out}: ${compact.regions.length} regions, ${compact.departments.length} departments, ` +
  `${compact.epcis.length} EPCI, ${compact.communes.length} communes, ` +
  `${compact.arrondissements.length} arrondissements, ${compact.formerCommunes.length} former communes`);
