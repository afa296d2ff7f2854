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
