// Compiles schemas/journey.schema.json into standalone validation code, so that `journey` does
// not load ajv's compiler and compile the schema on every start. `--check` exits 1 when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const standaloneCode = require('ajv/dist/standalone').default;
const addFormats = require('ajv-formats').default;

const root = new URL('../', import.meta.url);
const target = new URL('src/validate/generated/journey-validator.cjs', root);

/** The options here and the ones the tests compile with must stay the same. */
export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  allowUnionTypes: true,
};

export function generate() {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: false, lines: false } });
  addFormats(ajv, ['date']);
  const validate = ajv.compile(JSON.parse(readFileSync(new URL('schemas/journey.schema.json', root), 'utf8')));
  return `// Generated from schemas/journey.schema.json by scripts/gen-validator.mjs. Do not edit.\n${standaloneCode(ajv, validate)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const code = generate();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== code) {
      console.error('src/validate/generated/journey-validator.cjs is out of date: run npm run generate');
      process.exit(1);
    }
  } else {
    writeFileSync(target, code);
  }
}
