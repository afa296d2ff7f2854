import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runJourney } from '../helpers/cli.js';
import { WELL_KNOWN_CHANNELS } from '../../src/model/journey.js';

/** A map with findings, inside a repository whose job runs from a subfolder. */
const MAP = 'journeykit: 1\ntitle: T\nphases:\n  - id: achat\n    name: Achat\n    stage: purchase\n    touchpoints:\n      - { id: panier, name: Panier }\n';

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'journeykit-scan-'));
  mkdirSync(join(repo, '.git'));
  mkdirSync(join(repo, 'maps'));
  writeFileSync(join(repo, 'maps', 'a.yaml'), MAP);
  writeFileSync(join(repo, 'maps', 'bad.yaml'), 'journeykit: 1\ntitle: T\nphases: []\n');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const multitool = createRequire(import.meta.url).resolve('@microsoft/sarif-multitool-linux/Sarif.Multitool');

/** GitHub's own rules for uploaded SARIF (GH1001…GH2012), as the SARIF multitool checks them. */
function githubRuleErrors(file: string): string[] {
  const out = join(repo, 'check.sarif');
  execFileSync(multitool, ['validate', file, '--rule-kind', 'Gh', '--output', out, '--log', 'ForceOverwrite'], { stdio: 'pipe' });
  const log = JSON.parse(readFileSync(out, 'utf8'));
  return log.runs[0].results.filter((r: { level?: string }) => r.level !== 'note').map((r: { ruleId: string }) => r.ruleId);
}

describe('SARIF for GitHub code scanning', () => {
  it.runIf(process.platform === 'linux')('passes GitHub’s rules for lint and validate', () => {
    expect(runJourney(['lint', 'examples', '-f', 'sarif', '-o', join(repo, 'lint.sarif')]).code).toBe(1);
    expect(githubRuleErrors(join(repo, 'lint.sarif'))).toEqual([]);
    expect(runJourney(['validate', 'maps', '-f', 'sarif', '-o', join(repo, 'validate.sarif')], { cwd: repo }).code).toBe(1);
    expect(githubRuleErrors(join(repo, 'validate.sarif'))).toEqual([]);
  });

  it('gives every rule a full description and help taken from its page', () => {
    const log = JSON.parse(runJourney(['lint', 'examples', '-f', 'sarif']).stdout);
    const rules = log.runs[0].tool.driver.rules;
    const kpi = rules.find((r: { id: string }) => r.id === 'phase-without-kpi');
    expect(kpi.fullDescription.text).toMatch(/^Each phase needs its own success indicator/);
    expect(kpi.help.text).toContain('Documentation: https://github.com/journeykit/journeykit/blob/main/docs/rules/phase-without-kpi.md');
    for (const rule of rules) expect(rule.fullDescription.text.length).toBeGreaterThan(0);
  });

  it('names files from the repository root when run from a subfolder', () => {
    const sarif = JSON.parse(runJourney(['lint', '.', '-f', 'sarif'], { cwd: join(repo, 'maps') }).stdout);
    expect(sarif.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(['maps/a.yaml', 'maps/bad.yaml']);
    const github = runJourney(['lint', 'a.yaml', '-f', 'github'], { cwd: join(repo, 'maps') });
    const annotations = github.stdout.split('\n').filter(Boolean);
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.every((line) => /^::(?:error|warning|notice) file=maps\/a\.yaml,line=\d+/.test(line))).toBe(true);
    const stylish = runJourney(['lint', 'a.yaml'], { cwd: join(repo, 'maps') });
    expect(stylish.stdout.split('\n')[0]).toBe('a.yaml');
  });

  it('validate prints GitHub annotations inside a GitHub Actions job, as lint does', () => {
    const result = runJourney(['validate', 'maps/bad.yaml'], { cwd: repo, env: { GITHUB_ACTIONS: 'true' } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=maps\/bad\.yaml,line=3,col=9,.*title=schema::/);
    const workspace = runJourney(['validate', 'bad.yaml'], { cwd: join(repo, 'maps'), env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo } });
    expect(workspace.stdout).toMatch(/^::error file=maps\/bad\.yaml,/);
  });
});

describe('the schema for editors', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/journey.schema.json'), 'utf8'));

  it('lives at a CDN address of this major version of the npm package', () => {
    const major = pkg.version.split('.')[0];
    expect(schema.$id).toBe(`https://cdn.jsdelivr.net/npm/journeykit@${major}/schemas/journey.schema.json`);
    const catalog = JSON.parse(readFileSync(join(ROOT, 'schemas/schemastore-catalog.json'), 'utf8'));
    expect(catalog).toEqual({
      name: 'journeykit journey map',
      description: expect.any(String),
      fileMatch: ['*.journey.yaml', '*.journey.yml'],
      url: schema.$id,
    });
  });

  it('offers every well-known channel and every emotion as a completion', () => {
    const touchpoint = schema.$defs.touchpoint.properties;
    expect(touchpoint.channel.examples).toEqual(WELL_KNOWN_CHANNELS.map((c) => c.id));
    expect(touchpoint.emotion.examples).toEqual([-2, -1, 0, 1, 2]);
  });
});
