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
// Only current communes: delegated/associated communes and municipal arrondissements are not communes.
const communes = read('communes.json').filter(c => c.type === 'commune-actuelle');

const epciOf = new Map();
for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e.code);

const compact = {
  cogYear: Number(year),
  source,
  regions: regions.map(r => [r.code, r.nom]),
  departments: departements.map(d => [d.code, d.nom, d.region]),
  epcis: epcis.map(e => [e.code, e.nom, e.type]),
  communes: communes.map(c => [c.code, c.nom, c.departement, epciOf.get(c.code) ?? null,
    c.population ?? null, (c.codesPostaux ?? []).join(' ')])
};
const out = join(new URL('.', import.meta.url).pathname, `cog-${year}.json.gz`);
writeFileSync(out, gzipSync(JSON.stringify(compact), { level: 9 }));
console.log(`${out}: ${compact.regions.length} regions, ${compact.departments.length} departments, ` +
  `${compact.epcis.length} EPCI, ${compact.communes.length} communes`);
