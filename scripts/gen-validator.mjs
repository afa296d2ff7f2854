// Compiles the journey, library and configuration schemas into standalone validation code, so
// that `journey` does not load ajv's compiler and compile a schema on every start (a repository
// with a .journeykit.yaml would otherwise pay for it on every lint). `--check` exits 1 when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const standaloneCode = require('ajv/dist/standalone').default;
const addFormats = require('ajv-formats').default;

const root = new URL('../', import.meta.url);
const readSchema = (name) => JSON.parse(readFileSync(new URL(`schemas/${name}`, root), 'utf8'));
const TARGETS = {
  journey: new URL('src/validate/generated/journey-validator.cjs', root),
  library: new URL('src/validate/generated/library-validator.cjs', root),
  config: new URL('src/validate/generated/config-validator.cjs', root),
};

/** The options here and the ones the tests compile with must stay the same. */
export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  strict: true,
  strictTypes: false,
  strictRequired: false,
  allowUnionTypes: true,
};

/** The configuration's schema has tuples ([severity, options]) that are not fixed in length. */
export const CONFIG_AJV_OPTIONS = { ...AJV_OPTIONS, strictRequired: true, strictTuples: false };

/**
 * ajv's code gathers a sub-schema's errors with `concat`, which copies every error found so far
 * each time: a map with 60,000 misplaced fields took 9 seconds to validate, and one at the size
 * limit would take many minutes. Appending in place gives the same list in the same order (ajv
 * itself goes on to push its own errors into the list it took from a sub-schema).
 */
function appendErrorsInPlace(code) {
  const out = code.replace(
    /vErrors = vErrors === null \? (validate\d+)\.errors : vErrors\.concat\(\1\.errors\);/g,
    'if (vErrors === null) vErrors = $1.errors; else for (const error of $1.errors) vErrors.push(error);',
  );
  if (out.includes('.concat(')) throw new Error('scripts/gen-validator.mjs: ajv gathers errors in a way this script does not know');
  return out;
}

/** Standalone code for the journey, library (which refers to the journey schema) or configuration schema. */
export function generate(which) {
  if (which === 'config') {
    const ajv = new Ajv2020({ ...CONFIG_AJV_OPTIONS, code: { source: true, esm: false, lines: false } });
    const validate = ajv.compile(readSchema('config.schema.json'));
    return `// Generated from schemas/config.schema.json by scripts/gen-validator.mjs. Do not edit.\n${appendErrorsInPlace(standaloneCode(ajv, validate))}\n`;
  }
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: false, lines: false } });
  addFormats(ajv, ['date']);
  let validate;
  if (which === 'library') {
    // The library schema names the journey schema by its file name, as editors resolve it.
    ajv.addSchema(readSchema('journey.schema.json'), 'journey.schema.json');
    validate = ajv.compile(readSchema('library.schema.json'));
  } else {
    validate = ajv.compile(readSchema('journey.schema.json'));
  }
  return `// Generated from schemas/${which}.schema.json by scripts/gen-validator.mjs. Do not edit.\n${appendErrorsInPlace(standaloneCode(ajv, validate))}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [which, target] of Object.entries(TARGETS)) {
    const code = generate(which);
    if (process.argv.includes('--check')) {
      if (readFileSync(target, 'utf8') !== code) {
        console.error(`${target.pathname.split('/').slice(-4).join('/')} is out of date: run npm run generate`);
        process.exit(1);
      }
    } else {
      writeFileSync(target, code);
    }
  }
}
