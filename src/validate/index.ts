import type { Diagnostic } from '../diagnostic.js';
import { isLibraryData } from '../load/library.js';
import { toPointer, type PathSegment, type SourcePosition } from '../load/locate.js';
import type { LoadedJourney } from '../load/parse.js';
import type { JourneyMap } from '../model/journey.js';
import { humanizeSchemaErrors } from './humanize.js';
import { checkReferences } from './references.js';
import { librarySchemaValidator, schemaValidator } from './schema.js';

export interface ValidationResult {
  /** The typed map, present only when the file follows the schema and its references resolve. */
  map?: JourneyMap;
  diagnostics: Diagnostic[];
}

/**
 * Checks a loaded file against the schema, then its ids and references. A library
 * (`kind: library`) is checked against the library schema and never yields a map. Findings about
 * entries merged from a library point into that library.
 */
export function validateJourney(journey: LoadedJourney): ValidationResult {
  const library = isLibraryData(journey.data);
  const diagnostics: Diagnostic[] = includedLibraryProblems(journey);
  const validate = library ? librarySchemaValidator() : schemaValidator();
  const finding = (ruleId: string, message: string, pointer: string, atKey = false): Diagnostic => ({
    ruleId,
    severity: 'error',
    message,
    ...placeOf(journey, pointer, atKey),
  });
  if (!validate(journey.data)) {
    const problems = humanizeSchemaErrors(validate.errors ?? [], journey.data);
    for (const p of problems) {
      const message = library && p.pointer === '' ? p.message.replace(/^the journey /, 'the library ') : p.message;
      diagnostics.push(finding('schema', message, p.pointer, p.atKey));
    }
    return { diagnostics };
  }
  const map = (library ? { ...(journey.data as object), phases: [] } : journey.data) as JourneyMap;
  const where = (path: PathSegment[]) => {
    if (!journey.included) return toPointer(path);
    const place = placeOf(journey, toPointer(path));
    return `${place.file} ${place.pointer}`;
  };
  const references = checkReferences(map, where);
  for (const p of references) diagnostics.push(finding('reference', p.message, p.pointer));
  return { map: library || diagnostics.length > 0 ? undefined : map, diagnostics };
}

/** A place in a file: for entries merged from a library, the library and the pointer inside it. */
export interface Place extends SourcePosition {
  file: string;
  pointer: string;
}

export function placeOf(journey: LoadedJourney, pointer: string, atKey = false): Place {
  const from = journey.included?.origin(pointer);
  if (from) return { file: from.library.file, pointer: toPointer(from.path), ...from.library.locate(from.path, { key: atKey }) };
  return { file: journey.file, pointer, ...journey.locate(pointer, { key: atKey }) };
}

/**
 * The top level of each included library, checked against the library schema. Their personas
 * and channels are left out here: they are checked once, as part of the merged map.
 */
function includedLibraryProblems(journey: LoadedJourney): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { journey: library } of journey.included?.libraries ?? []) {
    const validate = librarySchemaValidator();
    if (validate(library.data)) continue;
    for (const p of humanizeSchemaErrors(validate.errors ?? [], library.data)) {
      if (/^\/(?:personas|channels)\/\d+(?:\/|$)/.test(p.pointer)) continue;
      const message = p.pointer === '' ? p.message.replace(/^the journey /, 'the library ') : p.message;
      out.push({ ruleId: 'schema', severity: 'error', message, file: library.file, pointer: p.pointer, ...library.locate(p.pointer, { key: p.atKey }) });
    }
  }
  return out;
}
