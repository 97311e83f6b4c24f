// Reads real answers of a running directory and checks each against the schema its OpenAPI document declares for that
// operation and status: the linters check the document, this checks that the directory answers what it says.
// Usage: node answers.mjs <base address> <file of requests: "METHOD /path [bearer token]" per line>
// Prints one line per answer that does not match, then "answers: N passed, M failed".
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import AjvDraft7 from "ajv";
import addFormats from "ajv-formats";

const [base, listFile] = process.argv.slice(2);
const document = await (await fetch(`${base}/q/openapi?format=json`)).json();
const openapi31 = String(document.openapi).startsWith("3.1");
// OpenAPI 3.1 schemas are JSON Schema 2020-12; those of 3.0 are draft 7 with "nullable".
const ajv = openapi31 ? new Ajv2020({ strict: false, allErrors: true }) : new AjvDraft7({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: "openapi.json", components: document.components ?? {} });

// "/api/v1/schemes/{id}" -> a pattern; the template with the fewest parameters wins ("/schemes/changes" over "/schemes/{id}").
const templates = Object.keys(document.paths).map((template) => ({
  template,
  parameters: (template.match(/\{/g) ?? []).length,
  pattern: new RegExp("^" + template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+") + "$"),
}));

function operationOf(method, path) {
  const found = templates.filter((t) => t.pattern.test(path)).sort((a, b) => a.parameters - b.parameters)[0];
  return found ? { template: found.template, operation: document.paths[found.template][method.toLowerCase()] } : null;
}

/** Local references point into the registered document. */
function resolved(schema) {
  return JSON.parse(JSON.stringify(schema).replaceAll('"$ref":"#/', '"$ref":"openapi.json#/'));
}

let passed = 0;
let failed = 0;
for (const line of readFileSync(listFile, "utf8").split("\n").map((l) => l.trim()).filter(Boolean)) {
  const [method, path, token] = line.split(/\s+/);
  const answer = await fetch(base + path, { method, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const type = (answer.headers.get("content-type") ?? "").split(";")[0].trim();
  const body = await answer.text();
  const found = operationOf(method, path.split("?")[0]);
  const declared = found?.operation?.responses?.[String(answer.status)] ?? found?.operation?.responses?.default;
  const schema = declared?.content?.[type]?.schema ?? declared?.content?.["application/json"]?.schema;
  if (!found || !found.operation) {
    failed++;
    console.log(`${method} ${path}: no operation in the document`);
  } else if (!declared) {
    failed++;
    console.log(`${method} ${path}: status ${answer.status} is not declared by ${found.template}`);
  } else if (!schema || !type.endsWith("json")) {
    passed++; // not JSON (CSV, GeoJSON's own checks, a 304): the status is declared, nothing more to compare
  } else {
    const validate = ajv.compile(resolved(schema));
    if (validate(JSON.parse(body))) {
      passed++;
    } else {
      failed++;
      const errors = validate.errors.slice(0, 8).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
      console.log(`${method} ${path} (${answer.status}): ${errors}`);
    }
  }
}
console.log(`answers: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
