import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ROOT } from '../helpers/cli.js';
import { EXAMPLE_TEXTS, fuzzParams, hostileValue, replaceAtPath } from '../helpers/fuzz.js';
import { librarySchemaValidator, schemaValidator } from '../../src/validate/schema.js';
import { AJV_OPTIONS } from '../../scripts/gen-validator.mjs';

/**
 * The validators compiled ahead of time (src/validate/generated) are ajv's standalone code with
 * its error gathering rewritten to append in place. They must report what ajv's own compiled
 * validator reports for the same schema: the same errors, in the same order.
 */
const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as object;

function compiled(which: 'journey' | 'library'): ValidateFunction {
  const ajv = new Ajv2020(AJV_OPTIONS);
  addFormats(ajv, ['date']);
  if (which === 'library') ajv.addSchema(schema('journey.schema.json'), 'journey.schema.json');
  return ajv.compile(schema(`${which}.schema.json`));
}

const shape = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map(({ instancePath, schemaPath, keyword, params, message }) => ({ instancePath, schemaPath, keyword, params, message }));

function expectSameErrors(data: unknown, ours: ValidateFunction, theirs: ValidateFunction): number {
  const valid = ours(data);
  expect(valid).toBe(theirs(data));
  expect(shape(ours.errors)).toEqual(shape(theirs.errors));
  return ours.errors?.length ?? 0;
}

describe('the generated validators', () => {
  const journey = compiled('journey');

  it('report what ajv reports on maps with a misplaced field in every persona, phase, touchpoint and KPI', () => {
    const map = parse(EXAMPLE_TEXTS[0]!) as { personas: object[]; phases: Array<{ touchpoints?: object[]; kpis?: object[] }> };
    const bad = (entry: object, i: number) => Object.assign(entry, { [`misplaced${i}`]: true, name: i % 3 === 0 ? 42 : (entry as { name?: unknown }).name });
    map.personas.forEach(bad);
    map.phases.forEach((phase, p) => {
      bad(phase, p);
      phase.touchpoints?.forEach(bad);
      phase.kpis?.forEach(bad);
    });
    expect(expectSameErrors(map, schemaValidator(), journey)).toBeGreaterThan(20);
  });

  it('report what ajv reports on example maps with a wrong value anywhere', () => {
    const examples = EXAMPLE_TEXTS.map((text) => parse(text) as unknown);
    fc.assert(
      fc.property(fc.nat({ max: examples.length - 1 }), fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), fc.array(hostileValue, { minLength: 4, maxLength: 4 }), (example, paths, values) => {
        const data = structuredClone(examples[example]);
        paths.forEach((steps, i) => replaceAtPath(data, steps, values[i]));
        expectSameErrors(data, schemaValidator(), journey);
      }),
      fuzzParams(),
    );
  });

  it('report what ajv reports on a library with misplaced fields', () => {
    const library = { journeykit: 1, kind: 'library', personas: [{ id: 'a', name: 'A', x: 1 }, { id: 'b', name: 2 }], channels: [{ id: 'c', oops: true }] };
    expect(expectSameErrors(library, librarySchemaValidator(), compiled('library'))).toBeGreaterThan(2);
  });

  it('never copy the errors found so far to add more (which made a map with tens of thousands of errors take minutes)', () => {
    for (const file of ['journey-validator.cjs', 'library-validator.cjs', 'config-validator.cjs']) {
      expect(readFileSync(join(ROOT, 'src/validate/generated', file), 'utf8')).not.toContain('.concat(');
    }
  });
});
