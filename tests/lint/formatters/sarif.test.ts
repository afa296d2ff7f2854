import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { sarif } from '../../../src/report/formatters/sarif.js';
import { OPTIONS, REPORTS } from './sample.js';

const require = createRequire(import.meta.url);
// The official SARIF 2.1.0 schema (draft-04), as Microsoft's SARIF test matchers ship it.
const SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>;
const AjvDraft04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;

function validator() {
  const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: true, unicodeRegExp: false });
  // The schema uses the uri and date-time formats; these checks are enough for a log we write.
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s));
  ajv.addFormat('uri-reference', (s: string) => !/[\s<>"{}|\\^`]/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(SCHEMA);
}

describe('sarif formatter', () => {
  const log = JSON.parse(sarif(REPORTS, OPTIONS)) as any;

  it('is valid against the SARIF 2.1.0 schema', () => {
    const validate = validator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is still valid with no findings at all', () => {
    const validate = validator();
    expect(validate(JSON.parse(sarif([], OPTIONS)))).toBe(true);
  });

  it('the schema check catches a broken log', () => {
    const validate = validator();
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('describes every rule, with a help link to its documentation', () => {
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'journeykit', version: '0.1.0', informationUri: 'https://github.com/journeykit/journeykit/blob/main/' });
    expect(driver.rules[0]).toEqual({
      id: 'kpi-below-target',
      shortDescription: { text: 'A KPI misses its target.' },
      fullDescription: { text: 'A KPI misses its target.' },
      helpUri: 'https://github.com/journeykit/journeykit/blob/main/docs/rules/kpi-below-target.md',
      help: {
        text: 'A KPI misses its target. Documentation: https://github.com/journeykit/journeykit/blob/main/docs/rules/kpi-below-target.md',
        markdown: 'A KPI misses its target\\.\n\n[Documentation](https://github.com/journeykit/journeykit/blob/main/docs/rules/kpi-below-target.md)',
      },
    });
    // `schema` was not described by the caller: it still gets a descriptor.
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(['kpi-below-target', 'touchpoint-without-owner', 'io', 'schema']);
    for (const result of log.runs[0].results) expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it('gives 1-based regions, levels and file URIs', () => {
    const [kpi, owner, io, info] = log.runs[0].results;
    expect(kpi).toMatchObject({
      ruleId: 'kpi-below-target',
      level: 'warning',
      message: { text: 'KPI `conversion` misses its target: 48% measured, 62% aimed for' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'maps/b2c%20%26%20co.yaml', index: 0 },
            region: { startLine: 12, startColumn: 17, endLine: 12, endColumn: 19 },
          },
        },
      ],
    });
    expect(owner.level).toBe('error');
    expect(owner.locations[0].physicalLocation.region).toEqual({ startLine: 20, startColumn: 9 });
    expect(io.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'file:///abs/dir/missing.yaml', index: 2 } });
    expect(info.level).toBe('note');
    expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    expect(log.runs[0].artifacts.map((a: any) => a.location.uri)).toEqual(['maps/b2c%20%26%20co.yaml', 'maps/clean.yaml', 'file:///abs/dir/missing.yaml', 'maps/info.yaml']);
  });

  it('fingerprints findings by rule, file and place, not by line', () => {
    const moved = structuredClone(REPORTS);
    moved[0]!.diagnostics[0]!.line = 40;
    const again = JSON.parse(sarif(moved, OPTIONS)) as any;
    expect(again.runs[0].results[0].partialFingerprints).toEqual(log.runs[0].results[0].partialFingerprints);
    expect(log.runs[0].results[0].partialFingerprints['journeykitFinding/v1']).not.toBe(log.runs[0].results[1].partialFingerprints['journeykitFinding/v1']);
  });
});
