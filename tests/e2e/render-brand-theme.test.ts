import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { THEME_SCHEMA } from '../../src/canvas/theme.js';
import { ROOT, runJourney } from '../helpers/cli.js';

const configSchema = JSON.parse(readFileSync(join(ROOT, 'schemas/config.schema.json'), 'utf8'));

describe('the brand theme of the configuration file', () => {
  it('is checked by the configuration schema with the canvas theme schema itself', () => {
    const { $schema, $id, title, $defs, description, ...body } = THEME_SCHEMA as Record<string, unknown>;
    const { description: configDescription, ...configBody } = configSchema.$defs.theme;
    expect(configSchema.properties.theme).toEqual({ $ref: '#/$defs/theme' });
    expect(configBody).toEqual(body);
    expect(configSchema.$defs.color).toEqual(($defs as Record<string, unknown>).color);
    expect(configDescription).toMatch(/relative to this configuration file/);
  });

  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journeykit-brand-'));
    copyFileSync(join(ROOT, 'examples/agence-marketing.journey.yaml'), join(dir, 'map.yaml'));
  });

  it('colours the canvas of the maps it applies to', () => {
    writeFileSync(join(dir, '.journeykit.yaml'), 'theme:\n  name: Sillage\n  colors:\n    phase: "#7A1F5C"\n');
    const result = runJourney(['render', 'map.yaml', '--diagram', 'canvas', '--format', 'svg'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('fill="#7A1F5C"');
    const plain = runJourney(['render', 'map.yaml', '--diagram', 'canvas', '--format', 'svg', '--theme', 'default'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('#7A1F5C');
  });

  it('is refused with its position when a colour could inject markup', () => {
    writeFileSync(join(dir, '.journeykit.yaml'), 'theme:\n  colors:\n    phase: "red\\" onload=\\"alert(1)"\n');
    const result = runJourney(['render', 'map.yaml', '--diagram', 'canvas', '--format', 'svg'], { cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: .journeykit.yaml:3:12: `phase` must be a colour written #rgb or #rrggbb, not "red\\" onload=\\"alert(1)"\n',
    });
  });
});
