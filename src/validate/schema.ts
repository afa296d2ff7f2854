import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { packagePath } from '../util/package-root.js';
// Compiled ahead of time by scripts/gen-validator.mjs: compiling the schemas at start-up would
// cost more than validating a map. A test checks the generated code matches the schemas.
import journeyValidator from './generated/journey-validator.cjs';
import libraryValidator from './generated/library-validator.cjs';

/** Path of the published schema inside the installed package. */
export const SCHEMA_PATH = packagePath('schemas', 'journey.schema.json');

/** Path of the library schema, which refers to the journey schema's definitions. */
export const LIBRARY_SCHEMA_PATH = packagePath('schemas', 'library.schema.json');

let cachedSchema: Record<string, unknown> | undefined;
export function journeySchema(): Record<string, unknown> {
  cachedSchema ??= JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  return cachedSchema;
}

/** The journey map validator. */
export function schemaValidator(): ValidateFunction {
  return journeyValidator as unknown as ValidateFunction;
}

/** The validator of library files (`kind: library`). */
export function librarySchemaValidator(): ValidateFunction {
  return libraryValidator as unknown as ValidateFunction;
}

export type SchemaError = ErrorObject;
