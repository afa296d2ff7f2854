import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, ConfigFinder, parseConfig, settingsFor } from '../../src/lint/config.js';
import { presetSettings } from '../../src/lint/presets.js';
import { yaml } from './rule-tester.js';

const DIR = '/projects/cx';
const parse = (text: string, name = '.journeykit.yaml') => parseConfig(text, join(DIR, name), name);

/** The one-line message a configuration produces, as the CLI prints it. */
function problem(text: string, name?: string): string {
  try {
    parse(text, name);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return 'no problem';
}

describe('parseConfig', () => {
  it('reads a preset, rules with and without options, overrides, ignore and a theme', () => {
    const config = parse(yaml`
      extends: strict
      rules:
        touchpoint-without-owner: off
        too-many-touchpoints: [error, { max: 12 }]
        kpi-below-target: [info]
      overrides:
        - files: ["drafts/**"]
          rules: { empty-phase: warning }
      ignore: [archive/**]
      theme: { name: Marque, colors: { phase: "#0044cc" }, font: { family: Inter } }
    `);
    expect(config.extends).toBe('strict');
    expect(config.rules).toEqual({
      'touchpoint-without-owner': { severity: 'off' },
      'too-many-touchpoints': { severity: 'error', options: { max: 12 } },
      'kpi-below-target': { severity: 'info' },
    });
    expect(config.overrides).toHaveLength(1);
    expect(config.ignore).toEqual(['archive/**']);
    expect(config.raw.theme).toEqual({ name: 'Marque', colors: { phase: '#0044cc' }, font: { family: 'Inter' } });
  });

  it('an empty file is the recommended preset', () => {
    expect(parse('').extends).toBe('recommended');
    expect(parse('# nothing yet\n').extends).toBe('recommended');
  });

  it.each([
    ['YAML syntax', 'rules:\n  a: [error\n', '.journeykit.yaml:3:1: YAML syntax error'],
    ['not a mapping', '- recommended\n', '.journeykit.yaml:1:1: the configuration must be a mapping (key: value)'],
    ['unknown key, with a suggestion', 'extend: strict\n', '.journeykit.yaml:1:1: unknown property `extend` in the configuration; did you mean `extends`?'],
    ['unknown preset', 'extends: strikt\n', '.journeykit.yaml:1:10: `extends` must be one of recommended, strict, all, not "strikt"; did you mean `strict`?'],
    ['unknown rule, with a suggestion', 'rules:\n  kpi-without-targte: error\n', '.journeykit.yaml:2:3: unknown rule `kpi-without-targte`; did you mean `kpi-without-target`?'],
    ['a rule name that is not an id', 'rules:\n  Empty_Phase: error\n', '.journeykit.yaml:2:3: unknown rule `Empty_Phase`; did you mean `empty-phase`?'],
    ['a bad severity', 'rules:\n  empty-phase: warn\n', '.journeykit.yaml:2:16: the setting of `empty-phase` must be a severity (error, warning, info, off) or a list [severity, options]'],
    ['a list too long', 'rules:\n  empty-phase: [error, {}, 3]\n', '.journeykit.yaml:2:16: the setting of `empty-phase` must be a severity (error, warning, info, off) or a list [severity, options]'],
    ['options for a rule that takes none', 'rules:\n  empty-phase: [error, { max: 3 }]\n', '.journeykit.yaml:2:24: rule `empty-phase` takes no options'],
    ['an unknown option', 'rules:\n  too-many-touchpoints: [error, { maxx: 3 }]\n', '.journeykit.yaml:2:33: options of `too-many-touchpoints`: unknown option `maxx`; did you mean `max`?'],
    ['an option out of range', 'rules:\n  too-many-touchpoints:\n    - error\n    - max: 0\n', '.journeykit.yaml:4:12: options of `too-many-touchpoints`: `max` must be at least 1'],
    ['a bad stage in options', 'rules:\n  usage-without-feedback: [warning, { stages: [usage, use] }]\n', '.journeykit.yaml:2:55: options of `usage-without-feedback`: `stages` must be one of awareness, consideration, purchase, onboarding, usage, retention, advocacy'],
    ['an override without files', 'overrides:\n  - rules: { empty-phase: off }\n', '.journeykit.yaml:2:5: override 1 is missing `files`'],
    ['an unknown rule in an override', 'overrides:\n  - files: [a.yaml]\n    rules: { emty-phase: off }\n', '.journeykit.yaml:3:14: unknown rule `emty-phase`; did you mean `empty-phase`?'],
    ['ignore is not a list', 'ignore: archive/**\n', '.journeykit.yaml:1:9: `ignore` must be a list'],
    ['theme is not a mapping', 'theme: dark\n', '.journeykit.yaml:1:8: `theme` must be a mapping (key: value)'],
  ])('%s', (_name, text, expected) => {
    expect(problem(text)).toMatch(new RegExp(`^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it('gives positions in a JSON configuration too', () => {
    expect(problem('{\n  "extends": "recommended",\n  "rules": { "empty-phase": "fatal" }\n}\n', '.journeykit.json')).toBe(
      '.journeykit.json:3:29: the setting of `empty-phase` must be a severity (error, warning, info, off) or a list [severity, options]',
    );
  });
});

describe('settingsFor', () => {
  const config = parse(yaml`
    extends: recommended
    rules:
      too-many-touchpoints: [error, { max: 12 }]
      touchpoint-without-owner: off
    overrides:
      - files: ["drafts/**"]
        rules:
          too-many-touchpoints: info
          touchpoint-without-owner: warning
      - files: ["drafts/old-*.yaml"]
        rules: { touchpoint-without-owner: error }
  `);

  it('without a configuration: the recommended preset', () => {
    expect(settingsFor(undefined, '/anywhere/map.yaml')).toEqual(presetSettings('recommended'));
  });

  it('lays rules over the preset', () => {
    const settings = settingsFor(config, join(DIR, 'maps/b2c.yaml'));
    expect(settings['too-many-touchpoints']).toEqual({ severity: 'error', options: { max: 12 } });
    expect(settings['touchpoint-without-owner']).toEqual({ severity: 'off' });
    expect(settings['persona-without-research']).toEqual({ severity: 'off' });
    expect(settings['empty-phase']).toEqual({ severity: 'error' });
  });

  it('applies matching overrides in order; a bare severity keeps the options', () => {
    expect(settingsFor(config, join(DIR, 'drafts/new.yaml'))['too-many-touchpoints']).toEqual({ severity: 'info', options: { max: 12 } });
    expect(settingsFor(config, join(DIR, 'drafts/new.yaml'))['touchpoint-without-owner']).toEqual({ severity: 'warning' });
    expect(settingsFor(config, join(DIR, 'drafts/old-2024.yaml'))['touchpoint-without-owner']).toEqual({ severity: 'error' });
  });

  it('matches globs relative to the configuration, never outside it', () => {
    expect(settingsFor(config, '/elsewhere/drafts/new.yaml')['too-many-touchpoints']).toEqual({ severity: 'error', options: { max: 12 } });
  });

  it('ignore patterns, relative to the configuration file', () => {
    const ignoring = parse('ignore: ["archive/**", "*.draft.yaml"]\n');
    expect(ignoring.isIgnored(join(DIR, 'archive/2019/map.yaml'))).toBe(true);
    expect(ignoring.isIgnored(join(DIR, 'wip.draft.yaml'))).toBe(true);
    expect(ignoring.isIgnored(join(DIR, 'maps/wip.draft.yaml'))).toBe(false);
    expect(ignoring.isIgnored(join(DIR, 'maps/b2c.yaml'))).toBe(false);
    expect(ignoring.isIgnored('/elsewhere/archive/map.yaml')).toBe(false);
  });
});

describe('ConfigFinder', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'journeykit-config-'));
    mkdirSync(join(root, 'team/maps/deep'), { recursive: true });
    mkdirSync(join(root, 'other'), { recursive: true });
    mkdirSync(join(root, 'json'), { recursive: true });
    writeFileSync(join(root, 'team/.journeykit.yml'), 'extends: strict\n');
    writeFileSync(join(root, 'team/maps/.journeykit.yaml'), 'extends: all\n');
    writeFileSync(join(root, 'json/.journeykit.json'), '{ "extends": "strict" }\n');
  });

  it('takes the nearest configuration above each file', async () => {
    const finder = new ConfigFinder(root);
    expect((await finder.configFor('team/maps/deep/a.yaml'))?.path).toBe(join(root, 'team/maps/.journeykit.yaml'));
    expect((await finder.configFor('team/b.yaml'))?.path).toBe(join(root, 'team/.journeykit.yml'));
    expect((await finder.configFor('json/c.yaml'))?.extends).toBe('strict');
  });

  it('finds nothing up to the filesystem root when no directory has one', async () => {
    // The temporary directory's parents hold no configuration on a test machine.
    expect(await new ConfigFinder(root).configFor('other/x.yaml')).toBeUndefined();
  });

  it('uses the --config file for every map', async () => {
    const finder = new ConfigFinder(root, 'json/.journeykit.json');
    expect((await finder.configFor('team/maps/deep/a.yaml'))?.path).toBe(join(root, 'json/.journeykit.json'));
  });

  it('reports a --config file that does not exist', async () => {
    await expect(new ConfigFinder(root, 'missing.yaml').configFor('a.yaml')).rejects.toThrow(
      'missing.yaml: cannot read the configuration: no such file or directory',
    );
  });
});
