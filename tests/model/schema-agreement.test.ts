import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIFECYCLE_STAGES, WELL_KNOWN_CHANNELS, emotionToMermaidScore, kpiDirection, kpiStatus } from '../../src/model/journey.js';
import { ROOT } from '../helpers/cli.js';

const schema = JSON.parse(readFileSync(new URL('../../schemas/journey.schema.json', import.meta.url), 'utf8'));

describe('the TypeScript model and the schema agree', () => {
  it('the generated types are up to date with the schema', () => {
    // Exits 1 with a message when src/model/schema-types.ts differs from what the schema generates.
    expect(() => execFileSync(process.execPath, ['scripts/gen-types.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  it('the precompiled validator is up to date with the schema', () => {
    expect(() => execFileSync(process.execPath, ['scripts/gen-validator.mjs', '--check'], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });

  it('the lifecycle stages are the schema enum, in order', () => {
    expect(LIFECYCLE_STAGES).toEqual(schema.$defs.phase.properties.stage.enum);
  });

  it('well-known channel ids follow the id pattern and are unique', () => {
    const pattern = new RegExp(schema.$defs.id.pattern);
    const ids = WELL_KNOWN_CHANNELS.map((c) => c.id);
    expect(ids.filter((id) => !pattern.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every property in the schema has a description', () => {
    const missing: string[] = [];
    const walk = (node: Record<string, any>, path: string) => {
      for (const [key, value] of Object.entries(node.properties ?? {})) {
        const v = value as Record<string, any>;
        if (!v.description && !v.$ref) missing.push(`${path}/${key}`);
        walk(v, `${path}/${key}`);
        if (v.items) walk(v.items, `${path}/${key}/items`);
      }
    };
    walk(schema, '');
    for (const [name, def] of Object.entries(schema.$defs)) walk(def as Record<string, any>, `$defs/${name}`);
    expect(missing).toEqual([]);
  });

  it('declares an $id and the 2020-12 dialect', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toMatch(/^https:\/\//);
  });
});

describe('model helpers', () => {
  it('maps emotions -2..+2 to Mermaid scores 1..5 exactly', () => {
    expect([-2, -1, 0, 1, 2].map(emotionToMermaidScore)).toEqual([1, 2, 3, 4, 5]);
  });

  it('knows which metrics are better lower', () => {
    expect(kpiDirection({ metric: 'churn_rate' })).toBe('lower');
    expect(kpiDirection({ metric: 'ces' })).toBe('lower');
    expect(kpiDirection({ metric: 'time_to_convert' })).toBe('lower');
    expect(kpiDirection({ metric: 'nps' })).toBe('higher');
    expect(kpiDirection({ metric: 'custom', direction: 'lower' })).toBe('lower');
  });

  it('judges a KPI against its target in the right direction', () => {
    expect(kpiStatus({ metric: 'churn_rate', target: 5, actual: 7 })).toBe('missed');
    expect(kpiStatus({ metric: 'churn_rate', target: 5, actual: 4 })).toBe('met');
    expect(kpiStatus({ metric: 'nps', target: 30, actual: 30 })).toBe('met');
    expect(kpiStatus({ metric: 'nps', target: 30, actual: 12 })).toBe('missed');
    expect(kpiStatus({ metric: 'nps', target: 30 })).toBe('unknown');
  });
});
