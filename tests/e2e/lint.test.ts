import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runJourney } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'tests/fixtures/lint');
let dir: string;

/** A fresh directory with the clean and the gappy map, and whatever files a test adds. */
function workspace(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(dir, 'ws-'));
  copyFileSync(join(FIXTURES, 'clean.yaml'), join(root, 'clean.yaml'));
  copyFileSync(join(FIXTURES, 'gaps.yaml'), join(root, 'gaps.yaml'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

const GAPS_STYLISH = [
  'gaps.yaml',
  '  6:1    warning  no phase covers the consideration stage  lifecycle-stage-missing',
  '  6:1    error    the journey ends at the purchase stage: no phase covers what follows the sale (onboarding, usage, retention or advocacy)  post-purchase-coverage',
  '      5 |   - { id: claire, name: Claire, goals: [Acheter vite], frustrations: [Attendre] }',
  '    > 6 | phases:',
  '        | ^',
  '  19:9   warning  touchpoint `paiement` has no owner: name the team accountable for it  touchpoint-without-owner',
  '  21:90  warning  KPI `conversion` misses its target: 48% measured, 60% aimed for  kpi-below-target',
  '',
  '✖ 4 problems (1 error, 3 warnings, 0 info) in 1 file',
  '',
].join('\n');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'journeykit-lint-'));
});

describe('journey lint: results and exit codes', () => {
  it('exits 0 and says so for a map with no gap', () => {
    expect(runJourney(['lint', 'clean.yaml'], { cwd: workspace() })).toEqual({ code: 0, stdout: '✔ no problems\n', stderr: '' });
  });

  it('exits 1 on an error, with every finding, a code frame under errors and a summary', () => {
    expect(runJourney(['lint', 'clean.yaml', 'gaps.yaml'], { cwd: workspace() })).toEqual({ code: 1, stdout: GAPS_STYLISH, stderr: '' });
  });

  it('exits 0 with warnings only, and 1 when they are more than --max-warnings', () => {
    const cwd = workspace({ '.journeykit.yaml': 'rules:\n  post-purchase-coverage: off\n' });
    const warningsOnly = runJourney(['lint', 'gaps.yaml'], { cwd });
    expect(warningsOnly.code).toBe(0);
    expect(warningsOnly.stdout.endsWith('✖ 3 problems (0 errors, 3 warnings, 0 info) in 1 file\n')).toBe(true);
    expect(runJourney(['lint', 'gaps.yaml', '--max-warnings', '3'], { cwd }).code).toBe(0);
    const over = runJourney(['lint', 'gaps.yaml', '--max-warnings', '2'], { cwd });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('journey: 3 warnings, more than --max-warnings 2 allows\n');
  });

  it('--quiet shows errors only, and nothing at all when there is none', () => {
    const cwd = workspace();
    expect(runJourney(['lint', '--quiet', 'gaps.yaml'], { cwd })).toEqual({
      code: 1,
      stdout: [
        'gaps.yaml',
        '  6:1  error    the journey ends at the purchase stage: no phase covers what follows the sale (onboarding, usage, retention or advocacy)  post-purchase-coverage',
        '      5 |   - { id: claire, name: Claire, goals: [Acheter vite], frustrations: [Attendre] }',
        '    > 6 | phases:',
        '        | ^',
        '',
        '✖ 1 problem (1 error, 0 warnings, 0 info) in 1 file',
        '',
      ].join('\n'),
      stderr: '',
    });
    writeFileSync(join(cwd, '.journeykit.yaml'), 'rules: { post-purchase-coverage: off }\n');
    expect(runJourney(['lint', '-q', 'gaps.yaml'], { cwd })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reports schema errors of an invalid map and runs no rule on it', () => {
    const cwd = workspace({ 'broken.yaml': 'journeykit: 1\ntitle: T\nphases:\n  - { id: a, name: A, stage: sale }\n' });
    expect(runJourney(['lint', '-f', 'json', 'broken.yaml'], { cwd }).stdout).toBe(
      JSON.stringify(
        {
          files: [
            {
              file: 'broken.yaml',
              error: 1,
              warning: 0,
              info: 0,
              diagnostics: [
                {
                  ruleId: 'schema',
                  severity: 'error',
                  message: '`stage` must be one of awareness, consideration, purchase, onboarding, usage, retention, advocacy, not "sale"',
                  line: 4,
                  column: 30,
                  endLine: 4,
                  endColumn: 34,
                  pointer: '/phases/0/stage',
                },
              ],
            },
          ],
          totals: { files: 1, error: 1, warning: 0, info: 0 },
        },
        null,
        2,
      ) + '\n',
    );
    expect(runJourney(['lint', 'broken.yaml'], { cwd }).code).toBe(1);
  });

  it('reads a map from standard input', () => {
    const result = runJourney(['lint', '-f', 'github', '-'], { cwd: workspace(), input: readFileSync(join(FIXTURES, 'gaps.yaml')) });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      '::warning file=<stdin>,line=6,col=1,endLine=6,endColumn=7,title=lifecycle-stage-missing::no phase covers the consideration stage',
    );
  });

  it('exits 2 for a path that names nothing, after linting the others', () => {
    expect(runJourney(['lint', 'clean.yaml', 'nowhere.yaml'], { cwd: workspace() })).toEqual({
      code: 2,
      stdout: '✔ no problems\n',
      stderr: 'journey: nowhere.yaml: no such file, directory or matching pattern\n',
    });
  });
});

describe('journey lint: configuration', () => {
  it('extends a preset: strict turns on more rules', () => {
    const cwd = workspace({ '.journeykit.yaml': 'extends: strict\n' });
    const result = runJourney(['lint', '-f', 'json', 'clean.yaml'], { cwd });
    const ids = (JSON.parse(result.stdout) as { files: Array<{ diagnostics: Array<{ ruleId: string }> }> }).files[0]!.diagnostics.map((d) => d.ruleId);
    expect(ids).toEqual([
      'persona-without-research',
      'phase-without-customer-goal',
      'phase-without-customer-goal',
      'phase-without-customer-goal',
      'phase-without-customer-goal',
      'phase-without-customer-goal',
      'phase-without-customer-goal',
    ]);
    expect(result.code).toBe(0);
  });

  it('sets severities and options per rule, and overrides them by glob', () => {
    const cwd = workspace({
      '.journeykit.yaml': [
        'rules:',
        '  kpi-below-target: error',
        '  lifecycle-stage-missing: off',
        '  too-many-touchpoints: [warning, { max: 1 }]',
        'overrides:',
        '  - files: ["drafts/**"]',
        '    rules:',
        '      kpi-below-target: info',
        '      post-purchase-coverage: warning',
        '',
      ].join('\n'),
    });
    mkdirSync(join(cwd, 'drafts'));
    copyFileSync(join(cwd, 'gaps.yaml'), join(cwd, 'drafts/gaps.yaml'));
    const line = (file: string) =>
      (JSON.parse(runJourney(['lint', '-f', 'json', file], { cwd }).stdout) as { files: Array<{ diagnostics: Array<{ ruleId: string; severity: string }> }> }).files[0]!.diagnostics.map(
        (d) => `${d.severity} ${d.ruleId}`,
      );
    expect(line('gaps.yaml')).toEqual(['error post-purchase-coverage', 'warning too-many-touchpoints', 'warning touchpoint-without-owner', 'error kpi-below-target']);
    expect(line('drafts/gaps.yaml')).toEqual(['warning post-purchase-coverage', 'warning too-many-touchpoints', 'warning touchpoint-without-owner', 'info kpi-below-target']);
    expect(runJourney(['lint', 'drafts/gaps.yaml'], { cwd }).code).toBe(0);
  });

  it('takes the nearest configuration above each file, and skips ignored files', () => {
    const cwd = workspace({
      '.journeykit.yaml': 'ignore: ["archive/**"]\n',
      'team/.journeykit.json': '{ "rules": { "post-purchase-coverage": "off" } }\n',
    });
    for (const target of ['team/gaps.yaml', 'archive/gaps.yaml']) {
      mkdirSync(join(cwd, target, '..'), { recursive: true });
      copyFileSync(join(cwd, 'gaps.yaml'), join(cwd, target));
    }
    const result = runJourney(['lint', '-f', 'json', '.'], { cwd });
    const files = (JSON.parse(result.stdout) as { files: Array<{ file: string; error: number; warning: number }> }).files.map((f) => [f.file, f.error, f.warning]);
    expect(files).toEqual([
      ['clean.yaml', 0, 0],
      ['gaps.yaml', 1, 3],
      ['team/gaps.yaml', 0, 3],
    ]);
    expect(result.code).toBe(1);
  });

  it('--config replaces the search', () => {
    const cwd = workspace({ '.journeykit.yaml': 'extends: all\n', 'ci/lint.yaml': 'rules: { post-purchase-coverage: off, kpi-below-target: off }\n' });
    const result = runJourney(['lint', '--config', 'ci/lint.yaml', 'gaps.yaml'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout.endsWith('✖ 2 problems (0 errors, 2 warnings, 0 info) in 1 file\n')).toBe(true);
  });

  it.each([
    ['an unknown rule', 'rules:\n  kpi-below-targt: off\n', 'journey: .journeykit.yaml:2:3: unknown rule `kpi-below-targt`; did you mean `kpi-below-target`?\n'],
    ['a bad severity', 'rules:\n  empty-phase: warn\n', 'journey: .journeykit.yaml:2:16: the setting of `empty-phase` must be a severity (error, warning, info, off) or a list [severity, options]\n'],
    ['a YAML error', 'rules: [\n', 'journey: .journeykit.yaml:2:1: YAML syntax error: '],
  ])('a configuration with %s is exit 2 with its position, and nothing on stdout', (_name, config, stderr) => {
    const result = runJourney(['lint', 'clean.yaml'], { cwd: workspace({ '.journeykit.yaml': config }) });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(stderr)).toBe(true);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('a missing --config file is exit 2', () => {
    expect(runJourney(['lint', '-c', 'nope.yaml', 'clean.yaml'], { cwd: workspace() })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: nope.yaml: cannot read the configuration: no such file or directory\n',
    });
  });
});

describe('journey lint: disable comments', () => {
  const lintWith = (text: string, ...args: string[]) => runJourney(['lint', '-f', 'github', ...args, 'map.yaml'], { cwd: workspace({ 'map.yaml': text }) });
  const gaps = readFileSync(join(FIXTURES, 'gaps.yaml'), 'utf8');

  it('disable-next-line, with a reason, silences the line below for the rules named', () => {
    const text = gaps.replace('phases:\n', '# journeykit-disable-next-line post-purchase-coverage, lifecycle-stage-missing -- acquisition map only\nphases:\n');
    expect(lintWith(text)).toEqual({
      code: 0,
      stdout: [
        '::warning file=map.yaml,line=20,col=9,endLine=20,endColumn=71,title=touchpoint-without-owner::touchpoint `paiement` has no owner: name the team accountable for it',
        '::warning file=map.yaml,line=22,col=90,endLine=22,endColumn=92,title=kpi-below-target::KPI `conversion` misses its target: 48%25 measured, 60%25 aimed for',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('disable-line silences its own line; without rules it silences them all', () => {
    const text = gaps
      .replace('      - { id: paiement, name: Paiement, channel: website, emotion: 0 }', '      - { id: paiement, name: Paiement, channel: website, emotion: 0 } # journeykit-disable-line')
      .replace('owner: E-commerce }', 'owner: E-commerce } # journeykit-disable-line kpi-below-target');
    const result = lintWith(text);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').map((l) => l.replace(/^::(\w+) .*,title=([^:]+)::.*$/, '$1 $2'))).toEqual(['warning lifecycle-stage-missing', 'error post-purchase-coverage', '']);
  });

  it('disable-file silences a rule everywhere; an unknown rule name is reported', () => {
    const text = `# journeykit-disable-file post-purchase-coverage, touchpoint-without-ownr\n${gaps}`;
    const result = lintWith(text);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      '::warning file=map.yaml,line=1,col=1,title=invalid-disable-directive::unknown rule `touchpoint-without-ownr` in a journeykit-disable-file comment; did you mean `touchpoint-without-owner`?',
    );
    expect(result.stdout).not.toContain('post-purchase-coverage');
  });

  it('--report-unused-disable reports a comment that suppresses nothing', () => {
    const text = `${gaps}# journeykit-disable-file empty-phase\n`;
    expect(lintWith(text).stdout).not.toContain('unused-disable-directive');
    expect(lintWith(text, '--report-unused-disable').stdout).toContain(
      '::warning file=map.yaml,line=22,col=1,title=unused-disable-directive::`empty-phase` in this journeykit-disable-file comment suppresses nothing\n',
    );
  });
});

describe('journey lint: formats and outputs', () => {
  it('chooses github annotations under GitHub Actions when no format is given', () => {
    const result = runJourney(['lint', 'gaps.yaml'], { cwd: workspace(), env: { GITHUB_ACTIONS: 'true' } });
    expect(result.stdout.split('\n')[1]).toBe(
      '::error file=gaps.yaml,line=6,col=1,endLine=6,endColumn=7,title=post-purchase-coverage::the journey ends at the purchase stage: no phase covers what follows the sale (onboarding, usage, retention or advocacy)',
    );
    expect(runJourney(['lint', '-f', 'stylish', 'gaps.yaml'], { cwd: workspace(), env: { GITHUB_ACTIONS: 'true' } }).stdout).toBe(GAPS_STYLISH);
  });

  it('pairs each -f with the -o at its position: stylish on stdout, SARIF and JUnit in files', () => {
    const cwd = workspace();
    const result = runJourney(['lint', '-f', 'stylish', '-f', 'sarif', '-f', 'junit', '-o', '-', '-o', 'out/lint.sarif', '-o', 'out/lint.xml', 'gaps.yaml'], { cwd });
    expect(result).toEqual({ code: 1, stdout: GAPS_STYLISH, stderr: '' });
    const log = JSON.parse(readFileSync(join(cwd, 'out/lint.sarif'), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results).toHaveLength(4);
    expect(XMLValidator.validate(readFileSync(join(cwd, 'out/lint.xml'), 'utf8'))).toBe(true);
  });

  it('writes markdown to a file and prints nothing else', () => {
    const cwd = workspace();
    expect(runJourney(['lint', '-f', 'markdown', '-o', 'comment.md', 'gaps.yaml'], { cwd })).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(readFileSync(join(cwd, 'comment.md'), 'utf8').split('\n').slice(0, 5)).toEqual([
      '### journey lint',
      '',
      '| Errors | Warnings | Info | Files with findings | Files checked |',
      '| ---: | ---: | ---: | ---: | ---: |',
      '| 1 | 3 | 0 | 1 | 1 |',
    ]);
  });

  it.each([
    [['-f', 'sarf'], 'journey: unknown format "sarf": use one of stylish, json, sarif, junit, github, markdown; did you mean `sarif`?\n'],
    [['-f', 'json', '-o', 'a.json', '-o', 'b.json'], 'journey: 2 outputs (-o) for 1 format (-f): give each -o its own -f, in the same order\n'],
    [['-f', 'json', '-f', 'sarif'], 'journey: more than one format would print to standard output: give every -f but one its own -o file\n'],
    [['-f', 'json', '-f', 'sarif', '-o', 'x', '-o', 'x'], 'journey: two formats would write to x: give each -o a different file\n'],
    [['--max-warnings', 'many'], 'journey: --max-warnings takes a whole number of 0 or more, not "many"\n'],
    [['-o', 'gaps.yaml'], 'journey: refusing to write output over the input file gaps.yaml\n'],
  ])('usage errors are exit 2 with one line: %j', (args, stderr) => {
    const cwd = workspace();
    expect(runJourney(['lint', ...args, 'gaps.yaml'], { cwd })).toEqual({ code: 2, stdout: '', stderr });
    expect(readFileSync(join(cwd, 'gaps.yaml'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'gaps.yaml'), 'utf8'));
    expect(existsSync(join(cwd, 'x'))).toBe(false);
  });
});

describe('journey rules', () => {
  it('lists every rule with its severity in each preset', () => {
    const result = runJourney(['rules']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^rule +recommended +strict +all +description$/);
    expect(lines).toContain(
      'post-purchase-coverage               error        error    error    The journey stops at the sale: no phase covers onboarding, usage, retention or advocacy.',
    );
    expect(lines).toContain('journey-without-owner                -            info     info     The map names no person or team accountable for it.');
    expect(lines.at(-2)).toBe('33 rules; "-" means off in that preset. Each rule is documented in docs/rules/<rule>.md.');
  });

  it('--format json, with help links', () => {
    const { rules } = JSON.parse(runJourney(['rules', '--format', 'json']).stdout) as { rules: Array<Record<string, unknown>> };
    expect(rules).toHaveLength(33);
    expect(rules.find((r) => r.id === 'too-many-touchpoints')).toEqual({
      id: 'too-many-touchpoints',
      description: 'A phase has more touchpoints than the maximum: the step is too complex.',
      defaultSeverity: 'warning',
      presets: { recommended: 'warning', strict: 'warning', all: 'warning' },
      defaultOptions: { max: 8 },
      docs: 'docs/rules/too-many-touchpoints.md',
      helpUri: 'https://github.com/journeykit/journeykit/blob/main/docs/rules/too-many-touchpoints.md',
    });
  });

  it('rejects an unknown format', () => {
    expect(runJourney(['rules', '-f', 'yaml'])).toEqual({ code: 2, stdout: '', stderr: 'journey: unknown format "yaml" for rules: use text or json\n' });
  });
});
