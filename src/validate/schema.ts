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

/** The compiled validator; built on first use so commands that never validate do not pay for it. */
export function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const require = createRequire(import.meta.url);
  const Ajv2020 = require('ajv/dist/2020').default as typeof import('ajv').default;
  const addFormats = require('ajv-formats').default as (ajv: unknown, formats: string[]) => void;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictTypes: false, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv, ['date']);
  compiled = ajv.compile(journeySchema());
  return compiled;
}

export type SchemaError = ErrorObject;
