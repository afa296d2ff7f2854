import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';

/** Path of the published schema inside the installed package. */
export const SCHEMA_PATH = new URL('../../schemas/journey.schema.json', import.meta.url);

let cachedSchema: Record<string, unknown> | undefined;
export function journeySchema(): Record<string, unknown> {
  cachedSchema ??= JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  return cachedSchema;
}

let compiled: ValidateFunction | undefined;

/**
 * The schema validator. It is compiled ahead of time (scripts/gen-validator.mjs) because
 * compiling the schema at start-up would cost more than validating a map; a test checks the
 * generated code matches the schema.
 */
export function schemaValidator(): ValidateFunction {
  compiled ??= (createRequire(import.meta.url)('./generated/journey-validator.cjs') as { default: ValidateFunction }).default;
  return compiled;
}

export type SchemaError = ErrorObject;

/** Path of the library schema (schemas/library.schema.json), which refers to the journey schema's definitions. */
export const LIBRARY_SCHEMA_PATH = new URL('../../schemas/library.schema.json', import.meta.url);

let libraryCompiled: ValidateFunction | undefined;

/**
 * The validator of library files. Only maps that include libraries need it, so it is compiled
 * on first use rather than ahead of time, keeping the compiler off every other run's path.
 */
export function librarySchemaValidator(): ValidateFunction {
  if (libraryCompiled) return libraryCompiled;
  const require = createRequire(import.meta.url);
  const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv').default;
  const addFormats = require('ajv-formats').default as (ajv: unknown, formats: string[]) => void;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv, ['date']);
  // The library schema names the journey schema by its file name, as editors resolve it.
  ajv.addSchema(journeySchema(), 'journey.schema.json');
  libraryCompiled = ajv.compile(JSON.parse(readFileSync(LIBRARY_SCHEMA_PATH, 'utf8')) as Record<string, unknown>);
  return libraryCompiled;
}
