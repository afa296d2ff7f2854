import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintJourney } from '../../src/lint/engine.js';
import { presetSettings } from '../../src/lint/presets.js';
import { loadAndValidate } from '../../src/pipeline.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What the recommended preset says about every bundled example, one finding a line. The
 * snapshot is meant to be read as a whole: each line is a gap a consultant would point out in
 * that map. A false alarm is fixed in the rule, never by updating the snapshot.
 */
describe('the bundled examples', () => {
  it('lint with the findings recorded in the snapshot', async () => {
    const files = readdirSync(`${ROOT}examples`)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    const lines: string[] = [];
    for (const name of files) {
      const checked = await loadAndValidate(`${ROOT}examples/${name}`);
      expect(checked.report.diagnostics, `${name} is not a valid map`).toEqual([]);
      const findings = lintJourney(checked.map!, checked.journey!, { rules: presetSettings('recommended') });
      lines.push(`## examples/${name}: ${findings.length} finding${findings.length === 1 ? '' : 's'}`);
      for (const d of findings) lines.push(`${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}`);
      lines.push('');
    }
    await expect(lines.join('\n')).toMatchFileSnapshot('__snapshots__/examples.txt');
  });
});
