import type { Diagnostic } from '../diagnostic.js';
import type { LoadedJourney } from '../load/parse.js';
import type { JourneyMap } from '../model/journey.js';
import { humanizeSchemaErrors } from './humanize.js';
import { checkReferences } from './references.js';
import { schemaValidator } from './schema.js';

export interface ValidationResult {
  /** The typed map, present only when the file follows the schema and its references resolve. */
  map?: JourneyMap;
  diagnostics: Diagnostic[];
}

/** Checks a loaded file against the schema, then its ids and references. */
export function validateJourney(journey: LoadedJourney): ValidationResult {
  const validate = schemaValidator();
  const at = (pointer: string, key = false) => journey.locate(pointer, { key });
  if (!validate(journey.data)) {
    const problems = humanizeSchemaErrors(validate.errors ?? [], journey.data);
    return {
      diagnostics: problems.map((p) => ({
        ruleId: 'schema',
        severity: 'error',
        message: p.message,
        file: journey.file,
        pointer: p.pointer,
        ...at(p.pointer, p.atKey),
      })),
    };
  }
  const map = journey.data as JourneyMap;
  const references = checkReferences(map);
  return {
    map: references.length === 0 ? map : undefined,
    diagnostics: references.map((p) => ({
      ruleId: 'reference',
      severity: 'error',
      message: p.message,
      file: journey.file,
      pointer: p.pointer,
      ...at(p.pointer),
    })),
  };
}
