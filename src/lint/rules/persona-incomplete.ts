import type { Persona } from '../../model/journey.js';
import { code, listWords } from '../helpers.js';
import { defineRule } from '../types.js';

type PersonaField = 'description' | 'segment' | 'goals' | 'needs' | 'frustrations' | 'quotes' | 'demographics' | 'research';
const FIELDS: readonly PersonaField[] = ['description', 'segment', 'goals', 'needs', 'frustrations', 'quotes', 'demographics', 'research'];

function isMissing(persona: Persona, field: PersonaField): boolean {
  const value = persona[field];
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

export default defineRule<{ require: PersonaField[] }>({
  meta: {
    id: 'persona-incomplete',
    description: 'A persona has no goals or no frustrations (or lacks another field the options require).',
    defaultSeverity: 'warning',
    presets: ['recommended', 'strict', 'all'],
    docs: 'docs/rules/persona-incomplete.md',
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { require: { type: 'array', uniqueItems: true, items: { enum: [...FIELDS] } } },
    },
  },
  defaultOptions: { require: ['goals', 'frustrations'] },
  check({ map, options, report }) {
    (map.personas ?? []).forEach((persona, i) => {
      const missing = options.require.filter((field) => isMissing(persona, field));
      if (missing.length === 0) return;
      report({ path: ['personas', i], message: `persona ${code(persona.id)} has ${listWords(missing.map((field) => `no ${field}`))}` });
    });
  },
});
