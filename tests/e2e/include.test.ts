import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runJourney } from '../helpers/cli.js';
import { loadJourney } from '../../src/load/index.js';
import { loadAndValidate } from '../../src/pipeline.js';

const LIBRARY = `journeykit: 1
kind: library
title: Personas du client
personas:
  - id: claire
    name: Claire
    priority: 1
    goals:
      - Aller vite
    frustrations:
      - Les frais cachés
channels:
  - id: showroom
    name: Showroom de Lyon
    type: physical
`;

const MAP = `journeykit: 1
title: Achat
include:
  - ../shared/personas.yaml
personas:
  - id: marc
    name: Marc
phases:
  - id: decouverte
    name: Découverte
    stage: awareness
    touchpoints:
      - id: visite
        name: Visite du showroom
        channel: showroom
        personas: [claire, marc]
        emotion: 1
`;

let project: string;
beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'journeykit-include-'));
  writeFileSync(join(project, '.journeykit.yaml'), 'extends: recommended\n');
  mkdirSync(join(project, 'shared'));
  mkdirSync(join(project, 'maps'));
  writeFileSync(join(project, 'shared/personas.yaml'), LIBRARY);
  writeFileSync(join(project, 'maps/achat.yaml'), MAP);
});

const run = (...args: string[]) => runJourney(args, { cwd: project });

describe('maps that include a library of personas and channels', () => {
  it('validate: the included personas and channels resolve', () => {
    expect(run('validate', 'maps/achat.yaml')).toEqual({ code: 0, stdout: '✔ 1 journey map valid\n', stderr: '' });
  });

  it('merges the library after the map’s own entries, and keeps where each came from', async () => {
    const { journey, diagnostics } = await loadJourney(join(project, 'maps/achat.yaml'));
    expect(diagnostics).toEqual([]);
    const data = journey!.data as { personas: Array<{ id: string }>; channels: Array<{ id: string }> };
    expect(data.personas.map((p) => p.id)).toEqual(['marc', 'claire']);
    expect(data.channels.map((c) => c.id)).toEqual(['showroom']);
    const origin = journey!.included!.origin('/personas/1/name')!;
    expect(origin.library.file).toBe(join(project, 'shared/personas.yaml'));
    expect(origin.path).toEqual(['personas', 0, 'name']);
    // Code that knows only the map file is pointed at the include entry that brought the persona in.
    expect(journey!.locate('/personas/1/name')).toMatchObject({ line: 4, column: 5 });
    expect(journey!.locate('/personas/0/name')).toMatchObject({ line: 7, column: 11 });
  });

  it('a problem in an included persona is reported in the library, at its line, with a summary at the include entry', () => {
    writeFileSync(join(project, 'shared/personas.yaml'), LIBRARY.replace('priority: 1', 'priority: 0'));
    expect(run('validate', 'maps/achat.yaml')).toEqual({
      code: 1,
      stdout: [
        'maps/achat.yaml',
        '  4:5  error    the included file has 1 error at shared/personas.yaml:7:15: `priority` must be at least 1, not 0  include',
        '      3 | include:',
        '    > 4 |   - ../shared/personas.yaml',
        '        |     ^',
        '',
        'shared/personas.yaml',
        '  7:15  error    `priority` must be at least 1, not 0  schema',
        '      6 |     name: Claire',
        '    > 7 |     priority: 0',
        '        |               ^',
        '',
        '✖ 2 problems (2 errors, 0 warnings, 0 info) in 2 files',
        '',
      ].join('\n'),
      stderr: '',
    });
    const json = JSON.parse(run('validate', '-f', 'json', 'maps/achat.yaml').stdout);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(['maps/achat.yaml', 'shared/personas.yaml']);
    expect(json.files[1].diagnostics[0]).toMatchObject({ ruleId: 'schema', line: 7, column: 15, pointer: '/personas/0/priority' });
  });

  it('reports a persona defined both in the map and in its library as a duplicate, in the library', async () => {
    writeFileSync(join(project, 'maps/achat.yaml'), MAP.replace('id: marc', 'id: claire').replace('[claire, marc]', '[claire]'));
    const checked = await loadAndValidate(join(project, 'maps/achat.yaml'));
    expect(checked.map).toBeUndefined();
    expect(checked.libraries?.[0]?.diagnostics.map((d) => [d.ruleId, d.line, d.column, d.message])).toEqual([
      ['reference', 5, 9, `duplicate id \`claire\`: already used by another persona (${join(project, 'maps/achat.yaml')} /personas/0)`],
    ]);
  });

  it('missing files, cycles, paths outside the project, absolute paths and non-libraries are one-line errors at the include entry', () => {
    writeFileSync(join(project, 'maps/other.yaml'), MAP.replace('title: Achat', 'title: Autre'));
    writeFileSync(join(project, 'shared/loop.yaml'), 'journeykit: 1\nkind: library\ninclude: [loop2.yaml]\n');
    writeFileSync(join(project, 'shared/loop2.yaml'), 'journeykit: 1\nkind: library\ninclude: [loop.yaml]\n');
    writeFileSync(
      join(project, 'maps/bad.yaml'),
      `journeykit: 1
title: Mauvais
include:
  - ../shared/nope.yaml
  - ../../outside.yaml
  - /etc/hosts
  - other.yaml
  - ../shared/loop.yaml
  - bad.yaml
phases:
  - id: p
    name: P
    stage: awareness
`,
    );
    const result = run('validate', '-f', 'json', 'maps/bad.yaml');
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout).files as Array<{ file: string; diagnostics: Array<{ line: number; column: number; message: string }> }>;
    expect(files[0]!.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '4:5 cannot include "../shared/nope.yaml": no such file',
      `5:5 cannot include "../../outside.yaml": it is outside the project root ${project}`,
      '6:5 cannot include "/etc/hosts": write the path relative to this file',
      '7:5 cannot include "other.yaml": it is not a library (a library declares `kind: library` at its top level)',
      '8:5 the included file has 1 error at shared/loop2.yaml:3:11: include cycle: shared/loop.yaml → shared/loop2.yaml → shared/loop.yaml',
      '9:5 include cycle: maps/bad.yaml → maps/bad.yaml',
    ]);
    expect(files[1]).toMatchObject({ file: 'shared/loop2.yaml', diagnostics: [{ line: 3, column: 11 }] });
  });

  it('refuses a library reached through a symbolic link that leaves the project', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'journeykit-elsewhere-'));
    writeFileSync(join(elsewhere, 'personas.yaml'), LIBRARY);
    symlinkSync(join(elsewhere, 'personas.yaml'), join(project, 'shared/linked.yaml'));
    writeFileSync(join(project, 'maps/achat.yaml'), MAP.replace('personas.yaml', 'linked.yaml'));
    const result = run('validate', 'maps/achat.yaml');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`\\n  4:5 +error +cannot include "\\.\\./shared/linked\\.yaml": it links outside the project root ${project}  include\\n`));
  });

  it('a library is validated on its own when named, and skipped as a map when walking a directory', () => {
    expect(run('validate', 'shared/personas.yaml')).toEqual({ code: 0, stdout: '✔ 1 journey map valid\n', stderr: '' });
    writeFileSync(join(project, 'shared/personas.yaml'), LIBRARY.replace('kind: library', 'kind: library\nphases: []'));
    expect(run('validate', 'shared/personas.yaml').stdout).toContain('unknown property `phases`');
    writeFileSync(join(project, 'shared/personas.yaml'), LIBRARY);
    expect(run('validate', '.')).toEqual({ code: 0, stdout: '✔ 1 journey map valid\n', stderr: '' });
    expect(run('validate', '**/*.yaml')).toEqual({ code: 0, stdout: '✔ 1 journey map valid\n', stderr: '' });
  });

  it('lint reports findings about a library entry in the library, and does not ask a map to use every library persona', () => {
    // The library gains a persona without priority, which no touchpoint of the map concerns.
    writeFileSync(
      join(project, 'shared/personas.yaml'),
      LIBRARY.replace('channels:', '  - id: sans-rang\n    name: Sans rang\n    goals: [Comparer]\n    frustrations: [Attendre]\nchannels:'),
    );
    const lint = run('lint', '-f', 'json', 'maps/achat.yaml');
    const files = JSON.parse(lint.stdout).files as Array<{ file: string; diagnostics: Array<{ ruleId: string; message: string; line: number; column: number }> }>;
    expect(files.map((f) => f.file)).toEqual(['maps/achat.yaml', 'shared/personas.yaml']);
    expect(files[1]!.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'persona-not-prioritised',
        message: 'persona `sans-rang` has no priority: rank personas by potential, 1 first',
        line: 12,
        column: 5,
      }),
    ]);
    expect(files[0]!.diagnostics.map((d) => d.ruleId)).not.toContain('persona-unused');
  });

  it('lint, render, fmt and diff work on such maps', () => {
    const lint = run('lint', '-f', 'json', 'maps/achat.yaml');
    const findings = JSON.parse(lint.stdout).files[0].diagnostics as Array<{ ruleId: string; message: string }>;
    expect(findings.some((d) => d.ruleId === 'schema' || d.ruleId === 'reference' || d.ruleId === 'include')).toBe(false);
    expect(findings.map((d) => d.ruleId)).toContain('post-purchase-coverage');

    const csv = run('render', '-f', 'csv', 'maps/achat.yaml');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('Showroom de Lyon');

    expect(run('fmt', '--check', 'maps', 'shared')).toEqual({ code: 0, stdout: '', stderr: '' });

    const before = join(project, 'before.yaml');
    writeFileSync(before, MAP);
    mkdirSync(join(project, 'v2'));
    writeFileSync(join(project, 'v2/personas.yaml'), LIBRARY.replace('name: Claire', 'name: Claire, pressée'));
    writeFileSync(join(project, 'maps/after.yaml'), MAP.replace('../shared/personas.yaml', '../v2/personas.yaml'));
    writeFileSync(join(project, 'maps/before.yaml'), readFileSync(before, 'utf8'));
    const diff = run('diff', 'maps/before.yaml', 'maps/after.yaml');
    expect(diff.stdout).toBe(
      [
        'maps/before.yaml → maps/after.yaml',
        '~ journey "Achat"',
        '    include: + "../v2/personas.yaml", - "../shared/personas.yaml"',
        '~ persona claire "Claire, pressée"',
        '    renamed: "Claire" → "Claire, pressée"',
        '',
        '2 changes: 0 added, 0 removed, 2 changed',
        '',
      ].join('\n'),
    );
  });
});
