import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { defaultLanguage, runInit, slug } from '../../src/init/run.js';
import { canPrompt } from '../../src/init/prompt.js';

/** A fake terminal that types the next answer each time a question waits for one. */
function terminal(answers: string, tty = true) {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const output = Object.assign(new PassThrough(), { isTTY: tty });
  const queue = answers.split('\n').slice(0, -1);
  let written = '';
  output.on('data', (chunk: Buffer) => {
    written += chunk.toString();
    if (written.endsWith(']: ')) {
      const next = queue.shift();
      if (next === undefined) input.end();
      else input.write(next + '\n');
    }
  });
  return { input, output, transcript: () => written };
}

describe('journey init on a terminal', () => {
  it('asks for the language, the template and the title, accepting numbers and names', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'journeykit-prompt-'));
    const term = terminal('1\nagency\nMon agence\n');
    const code = await runInit('.', {}, { ...term, env: {}, cwd });
    expect(code).toBe(0);
    const map = parse(readFileSync(join(cwd, 'agency.journey.yaml'), 'utf8'));
    expect(map).toMatchObject({ title: 'Mon agence', lang: 'fr' });
    expect(term.transcript()).toContain('Language of the map\n  1. fr - français\n  2. en - English\n[en]: ');
    expect(term.transcript()).toContain('  4. agency - une entreprise confie son marketing digital à une agence\n');
    expect(term.transcript()).toContain("Title of the journey [Accompagnement par une agence de marketing digital]: ");
  });

  it('takes the defaults on empty answers and asks nothing a flag already answered', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'journeykit-prompt-'));
    const term = terminal('\n');
    expect(await runInit('.', { template: 'blank', lang: 'en' }, { ...term, env: {}, cwd })).toBe(0);
    expect(term.transcript()).not.toContain('Language');
    expect(term.transcript()).not.toContain('Template');
    expect(parse(readFileSync(join(cwd, 'blank.journey.yaml'), 'utf8')).title).toBe('New customer journey');
  });

  it('asks again after an answer that is not a choice', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'journeykit-prompt-'));
    const term = terminal('9\nen\nblank\n\n');
    expect(await runInit('.', {}, { ...term, env: {}, cwd })).toBe(0);
    expect(term.transcript().match(/Language of the map/g)).toHaveLength(2);
    expect(parse(readFileSync(join(cwd, 'blank.journey.yaml'), 'utf8')).lang).toBe('en');
  });

  it('stops with a one-line error when the terminal closes before an answer', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'journeykit-prompt-'));
    const term = terminal('');
    await expect(runInit('.', {}, { ...term, env: {}, cwd })).rejects.toThrow('init cancelled: no answer was given');
  });

  it('does not prompt unless both ends are terminals', () => {
    expect(canPrompt(terminal('', true))).toBe(true);
    expect(canPrompt({ input: terminal('', false).input, output: terminal('', true).output })).toBe(false);
    expect(canPrompt({ input: terminal('', true).input, output: terminal('', false).output })).toBe(false);
  });
});

describe('init helpers', () => {
  it('reads the language from the locale', () => {
    expect(defaultLanguage({ LANG: 'fr_CA.UTF-8' })).toBe('fr');
    expect(defaultLanguage({ LC_ALL: 'fr_FR', LANG: 'en_US' })).toBe('fr');
    expect(defaultLanguage({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(defaultLanguage({})).toBe('en');
  });

  it('makes file names from titles', () => {
    expect(slug("Achat d'un aspirateur en ligne")).toBe('achat-d-un-aspirateur-en-ligne');
    expect(slug('Évaluation — B2B / SaaS')).toBe('evaluation-b2b-saas');
    expect(slug('«»')).toBe('');
  });
});
