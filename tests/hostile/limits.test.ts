import { closeSync, ftruncateSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_MAP } from '../helpers/maps.js';
import { expectNoCrash, journey, tempDir } from './helpers.js';

/**
 * The limits of docs/security.md, through the binary: each one ends in a clear message and a
 * documented exit code. (Long inputs that are within the limits: long-inputs.test.ts.)
 */

let dir: string;

beforeAll(() => {
  dir = tempDir('limits');
  writeFileSync(join(dir, 'ok.yaml'), MINIMAL_MAP);
});

const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

describe('limits', () => {
  it('alias expansion: a "billion laughs" file is one limit error in every command', () => {
    const lines = ['journeykit: 1', 'title: Laughs', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    lines.push('phases: [{ id: p, name: P, stage: awareness, touchpoints: [{ id: t, name: *a9 }] }]');
    const bomb = write('bomb.yaml', lines.join('\n') + '\n');
    const message = 'aliases expand to more than 1000 nodes; write the values out or use fewer aliases';
    for (const args of [['validate', bomb], ['lint', bomb], ['render', bomb, '--format', 'table']]) {
      const result = journey(args, { cwd: dir });
      expectNoCrash(result);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout + result.stderr).toContain(`1:1  error    ${message}  limit`);
    }
    expect(journey(['fmt', bomb], { cwd: dir })).toMatchObject({ code: 2, stderr: `journey: ${bomb}:1:1: ${message}\n` });
    expect(journey(['diff', 'ok.yaml', bomb], { cwd: dir })).toMatchObject({ code: 2, stderr: `journey: cannot compare ${bomb}, it is not a valid map: ${bomb}:1:1: ${message}\n` });
    const textconv = journey(['diff', '--textconv', bomb], { cwd: dir });
    expect(textconv.code).toBe(0);
    expect(textconv.stdout).toBe(lines.join('\n') + '\n');
  });

  it('nesting depth: 100 levels, and 100,000 levels, are one limit error with a position', () => {
    let nested = 'x';
    for (let i = 0; i < 100; i++) nested = `{ a: ${nested} }`;
    const deep = write('deep.yaml', `journeykit: 1\ntitle: Deep\nphases: []\nextra: ${nested}\n`);
    const abyss = write('abyss.yaml', `journeykit: 1\ntitle: Abyss\nphases: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    for (const file of [deep, abyss]) {
      for (const args of [['validate', file], ['lint', file], ['render', file]]) {
        const result = journey(args, { cwd: dir });
        expectNoCrash(result);
        expect(result.code, args.join(' ')).toBe(1);
        expect(result.stdout + result.stderr).toMatch(/\d+:\d+ +error +nesting is deeper than 64 levels +limit/);
      }
      const fmt = journey(['fmt', file], { cwd: dir });
      expect(fmt.code).toBe(2);
      expect(fmt.stderr).toMatch(new RegExp(`^journey: ${file}:\\d+:\\d+: nesting is deeper than 64 levels\\n$`));
    }
  });

  it('file size: a file over 32 MiB is refused before it is read, with its size', () => {
    const path = join(dir, 'huge.yaml');
    // A sparse file: its size is real, its blocks are not written.
    closeSync(openSync(path, 'w'));
    writeFileSync(path, MINIMAL_MAP);
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, 32 * 1024 * 1024 + 1);
    closeSync(fd);
    for (const args of [['validate', 'huge.yaml'], ['lint', 'huge.yaml'], ['render', 'huge.yaml']]) {
      const result = journey(args, { cwd: dir });
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stdout + result.stderr).toContain('-  error    the file is 32.0 MiB, over the 32.0 MiB limit for a journey map  limit');
    }
    expect(journey(['fmt', 'huge.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'journey: huge.yaml: the file is over the 32 MiB limit for a journey map\n' });
    const stdin = journey(['validate', '-'], { cwd: dir, input: Buffer.alloc(32 * 1024 * 1024 + 1, 0x20) });
    expect(stdin.code).toBe(1);
    expect(stdin.stdout).toContain('<stdin>\n  -  error    the file is 32.0 MiB, over the 32.0 MiB limit for a journey map  limit');
  });

  it('number of files: more than 100,000 in one run is one line and exit 2, before any is read', () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i <= 100_000; i++) writeFileSync(join(many, `m${i}.yaml`), '');
    const message = 'journey: more than 100,000 files to read in one run: name fewer directories or a narrower pattern\n';
    for (const args of [['validate', 'many'], ['lint', 'many/*.yaml'], ['fmt', '--check', 'many'], ['render', 'many', '--out', 'out']]) {
      expect(journey(args, { cwd: dir }), args.join(' ')).toEqual({ code: 2, stdout: '', stderr: message });
    }
  }, 120_000);
});
