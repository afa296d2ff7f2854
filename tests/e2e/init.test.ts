import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { BIN, runJourney } from '../helpers/cli.js';

const TEMPLATES = ['b2c-ecommerce', 'b2b-equipment', 'b2b-saas', 'agency', 'blank'];
const LANGS = ['fr', 'en'];

/** What a starter map may still show under every rule: the facts only its users can supply. */
const STARTER_FINDINGS = new Set(['kpi-without-measure', 'persona-without-research']);
/** The blank template also leaves channels, owners, emotions and targets to fill in. */
const BLANK_FINDINGS = new Set([
  ...STARTER_FINDINGS,
  'touchpoint-without-channel',
  'touchpoint-without-owner',
  'touchpoint-without-emotion',
  'kpi-without-target',
  'kpi-without-owner',
  'too-few-touchpoints',
]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journeykit-init-'));
});

const env = { LANG: 'C', LC_ALL: undefined, LC_MESSAGES: undefined };

describe('journey init', () => {
  for (const template of TEMPLATES) {
    for (const lang of LANGS) {
      it(`writes the ${template} template in ${lang}: valid, formatted, and linting with starter findings only`, () => {
        const result = runJourney(['init', 'maps', '--template', template, '--lang', lang], { cwd: dir, env });
        expect(result).toEqual({
          code: 0,
          stdout: [
            `created maps/${template}.journey.yaml (template ${template}, ${lang})`,
            'created maps/.journeykit.yaml',
            `next: fill in the map, then run journey lint maps/${template}.journey.yaml`,
            '',
          ].join('\n'),
          stderr: '',
        });
        const file = `maps/${template}.journey.yaml`;
        const text = readFileSync(join(dir, file), 'utf8');
        expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=https://cdn.jsdelivr.net/npm/journeykit@0/schemas/journey.schema.json');
        expect(parse(text).lang).toBe(lang);
        expect(runJourney(['validate', file], { cwd: dir })).toEqual({ code: 0, stdout: '✔ 1 journey map valid\n', stderr: '' });
        expect(runJourney(['fmt', '--check', file], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });

        writeFileSync(join(dir, 'all.yaml'), 'extends: all\n');
        const lint = runJourney(['lint', '--config', 'all.yaml', '--format', 'json', file], { cwd: dir });
        const findings = (JSON.parse(lint.stdout) as { files: Array<{ diagnostics: Array<{ ruleId: string; severity: string }> }> }).files.flatMap((f) => f.diagnostics);
        const allowed = template === 'blank' ? BLANK_FINDINGS : STARTER_FINDINGS;
        expect(findings.filter((d) => !allowed.has(d.ruleId))).toEqual([]);
        expect(findings.length).toBeGreaterThan(0);
        // With the configuration init wrote (the recommended rules), a filled-in template is clean.
        const recommended = runJourney(['lint', file], { cwd: dir });
        if (template !== 'blank') expect(recommended).toMatchObject({ code: 0, stdout: '✔ no problems\n' });
      });
    }
  }

  it('writes .journeykit.yaml with the recommended preset, and keeps an existing one', () => {
    expect(runJourney(['init', '-t', 'blank', '-l', 'en'], { cwd: dir, env }).code).toBe(0);
    const config = readFileSync(join(dir, '.journeykit.yaml'), 'utf8');
    expect(parse(config)).toEqual({ extends: 'recommended' });
    expect(config.split("\n")[0]).toBe("# yaml-language-server: $schema=https://cdn.jsdelivr.net/npm/journeykit@0/schemas/config.schema.json");
    writeFileSync(join(dir, '.journeykit.yaml'), 'extends: strict\n');
    const again = runJourney(['init', '-t', 'agency', '-l', 'en'], { cwd: dir, env });
    expect(again.stdout).toContain('kept .journeykit.yaml\n');
    expect(readFileSync(join(dir, '.journeykit.yaml'), 'utf8')).toBe('extends: strict\n');
  });

  it('refuses to overwrite an existing map with exit 2 and one line, unless --force', () => {
    runJourney(['init', '-t', 'blank', '-l', 'fr'], { cwd: dir, env });
    writeFileSync(join(dir, 'blank.journey.yaml'), 'mine\n');
    expect(runJourney(['init', '-t', 'blank', '-l', 'fr'], { cwd: dir, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: blank.journey.yaml already exists: use --force to overwrite it\n',
    });
    expect(readFileSync(join(dir, 'blank.journey.yaml'), 'utf8')).toBe('mine\n');
    expect(runJourney(['init', '-t', 'blank', '-l', 'fr', '--force'], { cwd: dir, env }).code).toBe(0);
    expect(parse(readFileSync(join(dir, 'blank.journey.yaml'), 'utf8')).title).toBe('Nouveau parcours client');
  });

  it('titles the map with --name and names the file after it', () => {
    const result = runJourney(['init', 'out', '-t', 'b2b-saas', '-l', 'fr', '--name', "Choix d'un SIRH : « Talento »"], { cwd: dir, env });
    expect(result.code).toBe(0);
    const file = join(dir, 'out/choix-d-un-sirh-talento.journey.yaml');
    expect(parse(readFileSync(file, 'utf8')).title).toBe("Choix d'un SIRH : « Talento »");
    expect(runJourney(['validate', file], { cwd: dir }).code).toBe(0);
  });

  it('picks the language from the locale when --lang is not given', () => {
    expect(runJourney(['init', '-t', 'blank'], { cwd: dir, env: { ...env, LANG: 'fr_FR.UTF-8' } }).code).toBe(0);
    expect(parse(readFileSync(join(dir, 'blank.journey.yaml'), 'utf8')).lang).toBe('fr');
    mkdirSync(join(dir, 'en'));
    expect(runJourney(['init', 'en', '-t', 'blank'], { cwd: dir, env: { ...env, LANG: 'en_GB.UTF-8' } }).code).toBe(0);
    expect(parse(readFileSync(join(dir, 'en/blank.journey.yaml'), 'utf8')).lang).toBe('en');
  });

  it('uses the b2c-ecommerce template when none is named', () => {
    expect(runJourney(['init', '-l', 'en'], { cwd: dir, env }).code).toBe(0);
    expect(existsSync(join(dir, 'b2c-ecommerce.journey.yaml'))).toBe(true);
  });

  it('points the modeline at the schema of the copy installed in the project', () => {
    const installed = join(dir, 'node_modules/journeykit/schemas');
    mkdirSync(installed, { recursive: true });
    writeFileSync(join(installed, 'journey.schema.json'), '{}');
    writeFileSync(join(dir, 'package.json'), '{}');
    mkdirSync(join(dir, '.git'));
    expect(runJourney(['init', 'maps/client', '-t', 'blank', '-l', 'en'], { cwd: dir, env }).code).toBe(0);
    const first = readFileSync(join(dir, 'maps/client/blank.journey.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../node_modules/journeykit/schemas/journey.schema.json');
  });

  it('rejects an unknown template or language with exit 2 and a suggestion', () => {
    expect(runJourney(['init', '-t', 'b2c-ecommerse'], { cwd: dir, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: unknown template "b2c-ecommerse"; did you mean `b2c-ecommerce`?; choose one of b2c-ecommerce, b2b-equipment, b2b-saas, agency, blank\n',
    });
    expect(runJourney(['init', '-l', 'de'], { cwd: dir, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'journey: unknown language "de": templates exist in fr and en\n',
    });
    expect(existsSync(join(dir, '.journeykit.yaml'))).toBe(false);
  });

  it('never waits for an answer when standard input stays open but is not a terminal', async () => {
    const child = spawn(process.execPath, [BIN, 'init', 'ci'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', LANG: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    child.stdin.destroy();
    expect(code).toBe(0);
    expect(stdout).toContain('created ci/b2c-ecommerce.journey.yaml (template b2c-ecommerce, en)\n');
  });
});
