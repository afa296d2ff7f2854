import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, runJourney } from '../helpers/cli.js';

const V1 = `journeykit: 1
title: Achat en ligne
include:
  - ../personas.yaml
kpis:
  - id: nps
    name: NPS
    metric: nps
    target: 30
    actual: 6
phases:
  - id: evaluation
    name: Évaluation
    stage: consideration
    touchpoints:
      - id: fiche
        name: Fiche produit
        channel: website
        personas: [claire]
        emotion: 1
      - id: checkout
        name: Paiement
        channel: website
        emotion: 1
        pain_points:
          - Formulaire long
  - id: achat
    name: Achat
    stage: purchase
    touchpoints:
      - id: confirmation
        name: Confirmation
        channel: email
`;

const V2 = V1.replace('    actual: 6', '    actual: 9')
  .replace(
    `      - id: checkout
        name: Paiement
        channel: website
        emotion: 1
        pain_points:
          - Formulaire long
`,
    '',
  )
  .replace(
    `      - id: confirmation`,
    `      - id: checkout
        name: Paiement
        channel: website
        emotion: -1
        pain_points:
          - Formulaire long
          - Frais de livraison découverts au paiement
      - id: confirmation`,
  );

/** The same maps without the shared personas, for tools that see one file at a time. */
const standalone = (map: string) => map.replace('include:\n  - ../personas.yaml\n', '').replace('personas: [claire]', 'personas: []');

const PERSONAS_V1 = 'journeykit: 1\nkind: library\npersonas:\n  - id: claire\n    name: Claire\n';
const PERSONAS_V2 = 'journeykit: 1\nkind: library\npersonas:\n  - id: claire\n    name: Claire, acheteuse pressée\n  - id: marc\n    name: Marc\n';

let repo: string;
const gitIn = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'journeykit-diff-'));
  gitIn('init', '-q');
  gitIn('config', 'user.name', 'Test');
  gitIn('config', 'user.email', 'test@example.com');
  gitIn('config', 'commit.gpgsign', 'false');
  mkdirSync(join(repo, 'maps'));
  writeFileSync(join(repo, 'personas.yaml'), PERSONAS_V1);
  writeFileSync(join(repo, 'maps/b2c.yaml'), V1);
  writeFileSync(join(repo, 'maps/untouched.yaml'), standalone(V1).replace('Achat en ligne', 'Autre'));
  writeFileSync(join(repo, 'maps/simple.yaml'), standalone(V1));
  gitIn('add', '.');
  gitIn('commit', '-q', '-m', 'first');
  writeFileSync(join(repo, 'maps/b2c.yaml'), V2);
  writeFileSync(join(repo, 'maps/simple.yaml'), standalone(V2));
  writeFileSync(join(repo, 'personas.yaml'), PERSONAS_V2);
  gitIn('commit', '-q', '-am', 'second');
});

const EXPECTED_TEXT = [
  'HEAD~1:maps/b2c.yaml → maps/b2c.yaml',
  '~ persona claire "Claire, acheteuse pressée"',
  '    renamed: "Claire" → "Claire, acheteuse pressée"',
  '+ persona marc "Marc"',
  '~ kpi nps "NPS"',
  '    actual: 6 → 9 (+3, better)',
  '~ touchpoint checkout "Paiement" in phase achat',
  '    moved: phase evaluation → phase achat',
  '    emotion: 1 → -1',
  '    pain points: + "Frais de livraison découverts au paiement"',
  '',
  '4 changes: 1 added, 0 removed, 3 changed',
  '',
].join('\n');

describe('journey diff', () => {
  it('compares a git revision with a file, reading the old includes from the old revision', () => {
    expect(runJourney(['diff', 'HEAD~1:maps/b2c.yaml', 'maps/b2c.yaml'], { cwd: repo })).toEqual({ code: 0, stdout: EXPECTED_TEXT, stderr: '' });
  });

  it('compares two files, and two revisions, the same way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'journeykit-diff-files-'));
    writeFileSync(join(dir, 'old.yaml'), standalone(V1));
    writeFileSync(join(dir, 'new.yaml'), standalone(V2));
    const files = runJourney(['diff', 'old.yaml', 'new.yaml'], { cwd: dir });
    expect(files.code).toBe(0);
    expect(files.stdout).toContain('old.yaml → new.yaml\n~ kpi nps "NPS"\n    actual: 6 → 9 (+3, better)\n');
    const revisions = runJourney(['diff', 'HEAD~1:maps/b2c.yaml', 'HEAD:maps/b2c.yaml'], { cwd: repo });
    expect(revisions.stdout).toBe(EXPECTED_TEXT.replace('→ maps/b2c.yaml', '→ HEAD:maps/b2c.yaml'));
  });

  it('reads ./ paths in a revision from the working directory, as git does', () => {
    const result = runJourney(['diff', 'HEAD~1:./b2c.yaml', 'b2c.yaml'], { cwd: join(repo, 'maps') });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(EXPECTED_TEXT.replace('HEAD~1:maps/b2c.yaml → maps/b2c.yaml', 'HEAD~1:./b2c.yaml → b2c.yaml'));
  });

  it('--exit-code exits 1 when the maps differ and 0 when they do not', () => {
    expect(runJourney(['diff', '--exit-code', 'HEAD~1:maps/b2c.yaml', 'maps/b2c.yaml'], { cwd: repo }).code).toBe(1);
    expect(runJourney(['diff', '--exit-code', 'HEAD~1:maps/untouched.yaml', 'maps/untouched.yaml'], { cwd: repo })).toEqual({
      code: 0,
      stdout: 'HEAD~1:maps/untouched.yaml → maps/untouched.yaml\n  no semantic differences\n\nno differences\n',
      stderr: '',
    });
  });

  it('ignores changes of layout only', () => {
    writeFileSync(join(repo, 'maps/untouched.yaml'), '# a comment\n' + standalone(V1).replace('title: Achat en ligne', 'title: "Autre"').replace('kpis:', 'kpis: # measured monthly'));
    expect(runJourney(['diff', '--exit-code', 'HEAD:maps/untouched.yaml', 'maps/untouched.yaml'], { cwd: repo }).code).toBe(0);
    gitIn('checkout', '--', 'maps/untouched.yaml');
  });

  it('--git <rev> compares every changed map of the working tree, untracked and deleted ones included, and leaves other YAML alone', () => {
    writeFileSync(join(repo, 'maps/b2c.yaml'), V2.replace('name: Confirmation', 'name: Confirmation de commande'));
    writeFileSync(join(repo, 'maps/new.yaml'), V1.replace('Achat en ligne', 'Nouveau'));
    writeFileSync(join(repo, 'ci.yml'), 'on: [push]\njobs: {}\n');
    rmSync(join(repo, 'maps/untouched.yaml'));
    try {
      const result = runJourney(['diff', '--git', 'HEAD', '--exit-code'], { cwd: repo });
      expect(result).toEqual({
        code: 1,
        stdout: [
          'HEAD:maps/b2c.yaml → maps/b2c.yaml',
          '~ touchpoint confirmation "Confirmation de commande" in phase achat',
          '    renamed: "Confirmation" → "Confirmation de commande"',
          '',
          'HEAD:maps/new.yaml → maps/new.yaml',
          '+ journey "Nouveau"',
          '',
          'HEAD:maps/untouched.yaml → (deleted)',
          '- journey "Autre"',
          '',
          '3 changes: 1 added, 1 removed, 1 changed',
          '',
        ].join('\n'),
        stderr: '',
      });
      const limited = runJourney(['diff', '--git', 'HEAD', 'maps/new.yaml'], { cwd: repo });
      expect(limited.stdout).toBe('HEAD:maps/new.yaml → maps/new.yaml\n+ journey "Nouveau"\n\n1 change: 1 added, 0 removed, 0 changed\n');
    } finally {
      gitIn('checkout', '--', '.');
      rmSync(join(repo, 'maps/new.yaml'));
      rmSync(join(repo, 'ci.yml'));
    }
  });

  it('prints Markdown for a pull request comment and JSON for tools', () => {
    const md = runJourney(['diff', '-f', 'markdown', 'HEAD~1:maps/b2c.yaml', 'maps/b2c.yaml'], { cwd: repo });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('### `HEAD~1:maps/b2c.yaml` → `maps/b2c.yaml`\n');
    expect(md.stdout).toContain('- **Changed** touchpoint `checkout` “Paiement” in phase `achat`\n  - moved: phase `evaluation` → phase `achat`\n');
    const json = JSON.parse(runJourney(['diff', '-f', 'json', 'HEAD~1:maps/b2c.yaml', 'maps/b2c.yaml'], { cwd: repo }).stdout);
    expect(json.totals).toEqual({ added: 1, removed: 0, changed: 3 });
    expect(json.files[0].changes.find((c: { id: string }) => c.id === 'nps').fields).toEqual([
      { field: 'actual', kind: 'measure', old: 6, new: 9, delta: 3, better: true },
    ]);
  });

  it('colours the text format only when asked to', () => {
    const coloured = runJourney(['diff', 'HEAD~1:maps/b2c.yaml', 'maps/b2c.yaml'], { cwd: repo, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toContain('\u001b[32m+ persona marc "Marc"\u001b[39m');
    expect(runJourney(['diff', 'HEAD~1:maps/b2c.yaml', 'maps/b2c.yaml'], { cwd: repo }).stdout).not.toContain('\u001b[');
  });

  it('writes the diff to a file with -o', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'journeykit-diff-out-')), 'changes.md');
    expect(runJourney(['diff', '-f', 'markdown', '-o', out, 'HEAD~1:maps/b2c.yaml', 'maps/b2c.yaml'], { cwd: repo })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toContain('## Journey map changes');
  });

  it('ends every mistake in one line and exit 2', () => {
    const one = (args: string[], cwd = repo) => {
      const r = runJourney(args, { cwd });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(2);
      return r.stderr;
    };
    expect(one(['diff', 'maps/b2c.yaml'])).toBe('journey: journey diff compares two maps: journey diff <old> <new>, or journey diff --git <rev> [paths...]\n');
    expect(one(['diff', 'nope:maps/b2c.yaml', 'maps/b2c.yaml'])).toBe('journey: cannot read nope:maps/b2c.yaml: no such file in that revision\n');
    expect(one(['diff', 'HEAD:maps/none.yaml', 'maps/b2c.yaml'])).toBe('journey: cannot read HEAD:maps/none.yaml: no such file in that revision\n');
    expect(one(['diff', 'missing.yaml', 'maps/b2c.yaml'])).toBe('journey: missing.yaml: cannot read the file: no such file or directory\n');
    expect(one(['diff', '--git', 'no-such-rev'])).toMatch(/^journey: cannot compare with no-such-rev: .+\n$/);
    expect(one(['diff', '-f', 'html', 'maps/b2c.yaml', 'maps/b2c.yaml'])).toBe('journey: unknown format "html" for diff: use text, markdown, json\n');
    writeFileSync(join(repo, 'broken.yaml'), standalone(V1).replace('emotion: 1', 'emotion: 7').replace('metric: nps', 'metric: npz'));
    try {
      expect(one(['diff', 'maps/simple.yaml', 'broken.yaml'])).toBe(
        'journey: cannot compare broken.yaml, it is not a valid map: broken.yaml:6:13: `metric` must be one of nps, csat, ces, conversion_rate, retention_rate, churn_rate, cltv, roas, time_to_convert, custom, not "npz"; did you mean `nps`? (and 1 more problem; run journey validate)\n',
      );
    } finally {
      rmSync(join(repo, 'broken.yaml'));
    }
    const outside = mkdtempSync(join(tmpdir(), 'journeykit-nogit-'));
    expect(one(['diff', 'HEAD:x.yaml', 'y.yaml'], outside)).toMatch(/^journey: not inside a git repository \(.+\)\n$/);
  });
});

describe('git integration (docs/git.md)', () => {
  it('a textconv driver makes git diff show the outline of the change', () => {
    writeFileSync(join(repo, '.gitattributes'), '*.yaml diff=journey\n');
    gitIn('config', 'diff.journey.textconv', `"${process.execPath}" "${BIN}" diff --textconv`);
    try {
      const patch = gitIn('diff', 'HEAD~1', 'HEAD', '--', 'maps/b2c.yaml');
      expect(patch).toContain('-kpi nps: actual: 6\n+kpi nps: actual: 9\n');
      expect(patch).toContain('-touchpoint checkout (phase evaluation): emotion: 1\n');
      expect(patch).toContain('+touchpoint checkout (phase achat): emotion: -1\n');
      expect(patch).toContain('+touchpoint checkout (phase achat): pain_points: Frais de livraison découverts au paiement\n');
    } finally {
      rmSync(join(repo, '.gitattributes'));
      gitIn('config', '--unset', 'diff.journey.textconv');
    }
  });

  it('a difftool runs journey diff on both versions of each changed map', () => {
    gitIn('config', 'difftool.journey.cmd', `"${process.execPath}" "${BIN}" diff "$LOCAL" "$REMOTE"`);
    try {
      const out = execFileSync('git', ['difftool', '--no-prompt', '--tool=journey', 'HEAD~1', 'HEAD', '--', 'maps/simple.yaml'], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(out).toContain('~ kpi nps "NPS"\n    actual: 6 → 9 (+3, better)\n');
      expect(out).toContain('~ touchpoint checkout "Paiement" in phase achat\n    moved: phase evaluation → phase achat\n');
    } finally {
      gitIn('config', '--unset', 'difftool.journey.cmd');
    }
  });

  it('--textconv prints a file that is not a map as it is, and needs exactly one file', () => {
    writeFileSync(join(repo, 'notes.yaml'), 'just: [text\n');
    expect(runJourney(['diff', '--textconv', 'notes.yaml'], { cwd: repo })).toEqual({ code: 0, stdout: 'just: [text\n', stderr: '' });
    expect(runJourney(['diff', '--textconv', 'a.yaml', 'b.yaml'], { cwd: repo }).code).toBe(2);
    rmSync(join(repo, 'notes.yaml'));
  });

  it('--textconv says nothing on standard error about a tag it does not know', () => {
    writeFileSync(join(repo, 'tagged.yaml'), 'journeykit: 1\ntitle: !!binary# Tagged\nphases: []\n');
    const result = runJourney(['diff', '--textconv', 'tagged.yaml'], { cwd: repo });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Tagged');
    expect(result.stderr).toBe('');
    rmSync(join(repo, 'tagged.yaml'));
  });
});
