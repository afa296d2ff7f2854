// Generates src/model/schema-types.ts from schemas/journey.schema.json so that the TypeScript
// model can never drift from the published schema. `--check` exits 1 when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'json-schema-to-typescript';

const root = new URL('../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('schemas/journey.schema.json', root), 'utf8'));
const target = new URL('src/model/schema-types.ts', root);

export async function generate() {
  return compile(schema, 'JourneyMap', {
    bannerComment: '/* Generated from schemas/journey.schema.json by scripts/gen-types.mjs. Do not edit. */',
    additionalProperties: false,
    unknownAny: true,
    style: { singleQuote: true },
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const text = await generate();
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== text) {
      console.error('src/model/schema-types.ts is out of date: run npm run generate');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
}
