import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_MAP } from '../helpers/maps.js';
import { UNPRIVILEGED, expectNoCrash, journey, journeyIntoClosedPipes, journeyThroughHead, leftoverTemporaryFiles, strayStderrLines, tempDir } from './helpers.js';

/**
 * The file system as a hostile pull request or a broken machine presents it: files that cannot be
 * read, directories and devices where files are expected, links planted in a repository, outputs
 * that cannot be written, and readers that go away. Each case ends in one line and a documented
 * exit code, never a hang, a crash or a read of something the user did not name.
 */

const SECRET = 'journeykit-test-secret-4f1c';
let dir: string;

beforeAll(() => {
  dir = tempDir('fs');
  writeFileSync(join(dir, 'ok.yaml'), MINIMAL_MAP);
  writeFileSync(join(dir, 'ok2.yaml'), MINIMAL_MAP.replace('emotion: 1', 'emotion: -1'));
  mkdirSync(join(dir, 'folder.yaml'));
  writeFileSync(join(dir, 'afile'), 'not a directory\n');
});

describe('files that cannot be read', () => {
  it('a read error (EIO from /proc/self/mem) is one finding and exit 2, for every command that reads maps', () => {
    for (const args of [['validate'], ['lint'], ['render', '--format', 'table']]) {
      const result = journey([...args, '/proc/self/mem', 'ok.yaml'], { cwd: dir });
      expectNoCrash(result);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout + result.stderr).toContain('cannot read the file: input/output error');
    }
    const fmt = journey(['fmt', '--check', '/proc/self/mem', 'ok.yaml'], { cwd: dir });
    expect(fmt).toMatchObject({ code: 2, stderr: 'journey: /proc/self/mem: cannot read the file: input/output error\n' });
    const diff = journey(['diff', '/proc/self/mem', 'ok.yaml'], { cwd: dir });
    expect(diff).toMatchObject({ code: 2, stdout: '', stderr: 'journey: /proc/self/mem: cannot read the file: input/output error\n' });
    const textconv = journey(['diff', '--textconv', '/proc/self/mem'], { cwd: dir });
    expect(textconv).toMatchObject({ code: 2, stderr: 'journey: cannot read /proc/self/mem: input/output error\n' });
  });

  it.skipIf(!UNPRIVILEGED)('a file without read permission is one finding and exit 2; the other files are still read', () => {
    const own = tempDir('locked');
    chmodSync(own, 0o755);
    writeFileSync(join(own, 'ok.yaml'), MINIMAL_MAP);
    writeFileSync(join(own, 'locked.yaml'), MINIMAL_MAP);
    chmodSync(join(own, 'locked.yaml'), 0o000);
    const as = UNPRIVILEGED!;
    const validate = journey(['validate', 'locked.yaml', 'ok.yaml'], { cwd: own, as });
    expect(validate).toEqual({ code: 2, stdout: 'locked.yaml\n  -  error    cannot read the file: permission denied  io\n\n✖ 1 problem (1 error, 0 warnings, 0 info) in 1 file\n', stderr: '' });
    const lint = journey(['lint', 'locked.yaml', 'ok.yaml', '-f', 'json'], { cwd: own, as });
    expect(lint.code).toBe(2);
    expect((JSON.parse(lint.stdout) as { files: Array<{ file: string }> }).files.map((f) => f.file)).toEqual(['locked.yaml', 'ok.yaml']);
    expect(journey(['fmt', '--check', 'locked.yaml'], { cwd: own, as })).toEqual({ code: 2, stdout: '', stderr: 'journey: locked.yaml: cannot read the file: permission denied\n' });
    expect(journey(['diff', 'locked.yaml', 'ok.yaml'], { cwd: own, as })).toEqual({ code: 2, stdout: '', stderr: 'journey: locked.yaml: cannot read the file: permission denied\n' });
  });

  it('a device that never ends (/dev/zero, or a link to it) is over the size limit, not a hang', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    for (const path of ['/dev/zero', 'zero.yaml']) {
      const result = journey(['validate', path], { cwd: dir });
      expect(result.code, path).toBe(1);
      expect(result.stdout).toContain('the file is over the 32.0 MiB limit for a journey map');
    }
    expect(journey(['fmt', 'zero.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'journey: zero.yaml: the file is over the 32 MiB limit for a journey map\n' });
    expect(journey(['lint', '--config', '/dev/zero', 'ok.yaml'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'journey: /dev/zero: the configuration is over the size limit for a journey map file\n',
    });
    expect(journey(['diff', '--textconv', '/dev/zero'], { cwd: dir }).code).toBe(2);
  });

  it('a named pipe given on the command line is read like standard input', () => {
    const fifo = join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    // The writer opens the pipe once the reader does; /bin/sh does it in the background.
    const result = journey(['validate', 'pipe.yaml'], { cwd: dir, shell: `cat ok.yaml > pipe.yaml &` });
    expect(result).toMatchObject({ code: 0, stdout: '✔ 1 journey map valid\n' });
  });
});

describe('directories where a file is expected', () => {
  it('an output that is a directory, a configuration that is a directory, a side of diff that is a directory', () => {
    expect(journey(['render', 'ok.yaml', '--format', 'mermaid', '-o', 'folder.yaml'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: 'journey: cannot write folder.yaml: is a directory, not a file\n',
    });
    expect(journey(['lint', 'ok.yaml', '-f', 'json', '-o', 'folder.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'journey: cannot write folder.yaml: is a directory, not a file\n' });
    const config = journey(['lint', '--config', 'folder.yaml', 'ok.yaml'], { cwd: dir });
    expect(config).toMatchObject({ code: 2, stdout: '' });
    expect(config.stderr).toMatch(/^journey: folder\.yaml: cannot read the configuration: is a directory, not a file\n$/);
    expect(journey(['diff', 'folder.yaml', 'ok.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'journey: folder.yaml: cannot read the file: is a directory, not a file\n' });
    expect(journey(['diff', '--textconv', 'folder.yaml'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'journey: cannot read folder.yaml: is a directory, not a file\n' });
  });

  it('an include that names a directory is a finding at the include entry', () => {
    writeFileSync(join(dir, 'includes-folder.yaml'), MINIMAL_MAP.replace('title: Minimal', 'title: Minimal\ninclude: [folder.yaml]'));
    const result = journey(['validate', 'includes-folder.yaml'], { cwd: dir });
    expectNoCrash(result);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('folder.yaml');
    expect(result.stdout).toContain('is a directory, not a file');
  });
});

describe('links planted in a repository', () => {
  let repo: string;
  beforeAll(() => {
    repo = tempDir('links');
    mkdirSync(join(repo, 'maps', 'sub'), { recursive: true });
    writeFileSync(join(repo, 'maps', 'sub', 'real.yaml'), MINIMAL_MAP);
    symlinkSync('/proc/self/environ', join(repo, 'maps', 'environ.yaml'));
    symlinkSync('/dev/zero', join(repo, 'maps', 'zero.yaml'));
    symlinkSync('..', join(repo, 'maps', 'sub', 'loop'));
    symlinkSync('loop-b.yaml', join(repo, 'maps', 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(repo, 'maps', 'loop-b.yaml'));
    execFileSync('mkfifo', [join(repo, 'maps', 'fifo.yaml')]);
  });

  it('are not followed by directory walks or patterns: no secret read, no device, no loop, no pipe that blocks', () => {
    for (const command of [['validate'], ['lint'], ['fmt', '--check']]) {
      for (const input of ['maps', 'maps/**/*.yaml', 'maps/*.yaml']) {
        const result = journey([...command, input], { cwd: repo, env: { JOURNEYKIT_TEST_SECRET: SECRET }, timeout: 30_000 });
        expectNoCrash(result);
        // The one real map lints with an error (it stops at awareness): exit 1 for lint.
        const expected = input === 'maps/*.yaml' ? 2 : command[0] === 'lint' ? 1 : 0;
        expect(result.code, `${command.join(' ')} ${input}: ${result.stdout}${result.stderr}`).toBe(expected);
        expect(result.stdout + result.stderr).not.toContain(SECRET);
        expect(result.stdout + result.stderr).not.toContain('sub/loop');
      }
    }
    // `maps/*.yaml` matches only links and the pipe: it names no file to read.
    expect(journey(['validate', 'maps/*.yaml'], { cwd: repo }).stderr).toBe('journey: maps/*.yaml: no such file, directory or matching pattern\n');
  });

  it('a link named on the command line is the user’s choice, and a link loop is one line', () => {
    const result = journey(['validate', 'maps/loop-a.yaml', 'maps/sub/real.yaml'], { cwd: repo });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('journey: maps/loop-a.yaml: no such file, directory or matching pattern\n');
  });
});

describe('paths that name nothing', () => {
  it('a pattern or path that matches nothing is one line and exit 2; the other maps are still processed', () => {
    const cases: Array<[string[], string]> = [
      [['validate', 'none/*.yaml', 'ok.yaml'], '✔ 1 journey map valid\n'],
      [['lint', 'none/*.yaml', 'ok.yaml'], ''],
      [['fmt', '--check', 'none/*.yaml', 'ok.yaml'], ''],
      [['render', '--format', 'csv', 'none/*.yaml', 'ok.yaml'], 'Lane,'],
    ];
    for (const [args, stdout] of cases) {
      const result = journey(args, { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain('journey: none/*.yaml: no such file, directory or matching pattern\n');
      expect(result.stdout.startsWith(stdout), `${args.join(' ')}: ${result.stdout}`).toBe(true);
    }
  });
});

describe('outputs that cannot be written', () => {
  it('a path under a file (the read-only case root cannot escape): one line, exit 2, nothing written', () => {
    const attempts: string[][] = [
      ['validate', 'ok.yaml', '-f', 'json', '-o', 'afile/report.json'],
      ['lint', 'ok.yaml', '-f', 'sarif', '-o', 'afile/lint.sarif'],
      ['render', 'ok.yaml', '-o', 'afile/map.mmd'],
      ['render', 'ok.yaml', '--format', 'svg', '--diagram', 'canvas', '--out', 'afile/out'],
      ['diff', 'ok.yaml', 'ok2.yaml', '-o', 'afile/diff.txt'],
    ];
    for (const args of attempts) {
      const result = journey(args, { cwd: dir });
      const target = args[args.length - 1]!;
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(new RegExp(`^journey: cannot write ${target.replace('.', '\\.')}.*: a part of the path is a file, not a directory\\n$`));
    }
    expect(journey(['init', 'afile', '-t', 'blank', '-l', 'en'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'journey: cannot write in afile: it is a file, not a directory\n' });
    expect(journey(['init', 'afile/maps', '-t', 'blank', '-l', 'en'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'journey: cannot write in afile/maps: a part of the path is a file, not a directory\n' });
    expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('not a directory\n');
  });

  it.skipIf(!UNPRIVILEGED)('a read-only directory: one line, exit 2, the old file intact, nothing left behind', () => {
    const own = tempDir('read-only');
    chmodSync(own, 0o755);
    writeFileSync(join(own, 'ok.yaml'), MINIMAL_MAP);
    writeFileSync(join(own, 'ok2.yaml'), MINIMAL_MAP.replace('emotion: 1', 'emotion: -1'));
    const ro = join(own, 'ro');
    mkdirSync(ro);
    // Files anyone may write, in a directory no one but root may change: an atomic writer, which
    // needs a temporary file beside its target, must fail whole rather than write in place.
    writeFileSync(join(ro, 'report.json'), 'old report\n');
    writeFileSync(join(ro, 'messy.yaml'), MINIMAL_MAP.replace('title: ', 'title:    '));
    chmodSync(join(ro, 'report.json'), 0o666);
    chmodSync(join(ro, 'messy.yaml'), 0o666);
    chmodSync(ro, 0o555);
    const as = UNPRIVILEGED!;
    const attempts: Array<[string[], string]> = [
      [['validate', 'ok.yaml', '-f', 'json', '-o', 'ro/report.json'], 'journey: cannot write ro/report.json: permission denied\n'],
      [['lint', 'ok.yaml', '-f', 'sarif', '-o', 'ro/lint.sarif'], 'journey: cannot write ro/lint.sarif: permission denied\n'],
      [['render', 'ok.yaml', '-o', 'ro/map.mmd'], 'journey: cannot write ro/map.mmd: permission denied\n'],
      [['render', 'ok.yaml', '--format', 'svg', '--diagram', 'canvas', '--out', 'ro'], 'journey: cannot write ro/ok.svg: permission denied\n'],
      [['diff', 'ok.yaml', 'ok2.yaml', '-o', 'ro/diff.txt'], 'journey: cannot write ro/diff.txt: permission denied\n'],
      [['init', 'ro', '-t', 'blank', '-l', 'en'], 'journey: cannot write in ro: permission denied\n'],
      [['fmt', '--write', 'ro/messy.yaml'], 'journey: ro/messy.yaml: cannot write the file: permission denied; it was left as it was\n'],
    ];
    for (const [args, stderr] of attempts) {
      expect(journey(args, { cwd: own, as }), args.join(' ')).toEqual({ code: 2, stdout: '', stderr });
    }
    expect(readdirSync(ro).sort()).toEqual(['messy.yaml', 'report.json']);
    expect(readFileSync(join(ro, 'report.json'), 'utf8')).toBe('old report\n');
    expect(readFileSync(join(ro, 'messy.yaml'), 'utf8')).toBe(MINIMAL_MAP.replace('title: ', 'title:    '));
  });

  // The tool is never pointed at /dev/full or /dev/null themselves: a writer that renames over
  // its output (the very defect under test) would replace those devices for the whole machine.
  // Copies of the devices made in the test's directory take the blow instead.
  it.skipIf(!canMakeDevices())('a full disk (a copy of /dev/full) as the output file or behind standard output: one line, exit 2', () => {
    execFileSync('mknod', [join(dir, 'full'), 'c', '1', '7']);
    for (const args of [
      ['validate', 'ok.yaml', '-f', 'json', '-o', 'full'],
      ['lint', 'ok.yaml', '-f', 'json', '-o', 'full'],
      ['render', 'ok.yaml', '--format', 'mermaid', '-o', 'full'],
      ['diff', 'ok.yaml', 'ok2.yaml', '-o', 'full'],
    ]) {
      expect(journey(args, { cwd: dir }), args.join(' ')).toMatchObject({ code: 2, stderr: 'journey: cannot write full: no space left on the device\n' });
    }
    // Still the device it was: the writer wrote into it rather than replacing it with a file.
    expect(fileType(join(dir, 'full'))).toBe('character special file');
    for (const args of [['validate', 'ok.yaml', '-f', 'json'], ['lint', 'ok.yaml', '-f', 'json'], ['render', 'ok.yaml', '--format', 'table'], ['diff', 'ok.yaml', 'ok2.yaml'], ['fmt', 'ok.yaml'], ['schema']]) {
      const result = journey(args, { cwd: dir, shell: 'exec >full' });
      expect(result, args.join(' ')).toMatchObject({ code: 2, stderr: 'journey: cannot write to standard output: no space left on the device\n' });
    }
  });

  it.skipIf(!canMakeDevices())('a device (a copy of /dev/null) or a link to a named pipe is written in place, not replaced', async () => {
    execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
    expect(journey(['render', 'ok.yaml', '--format', 'mermaid', '-o', 'null'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fileType(join(dir, 'null'))).toBe('character special file');

    execFileSync('mkfifo', [join(dir, 'out.fifo')]);
    symlinkSync('out.fifo', join(dir, 'out-link.mmd'));
    const result = journey(['render', 'ok.yaml', '-o', 'out-link.mmd'], { cwd: dir, shell: 'cat out.fifo > received.mmd 2>/dev/null &', timeout: 20_000 });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(fileType(join(dir, 'out-link.mmd'))).toBe('symbolic link');
    expect(fileType(join(dir, 'out.fifo'))).toBe('fifo');
    // The reader may still be flushing what it got.
    await expect.poll(() => readFileSync(join(dir, 'received.mmd'), 'utf8')).toContain('section Découverte');
    expect(leftoverTemporaryFiles(dir)).toEqual([]);
  });
});

function canMakeDevices(): boolean {
  try {
    const probe = join(tempDir('mknod'), 'probe');
    execFileSync('mknod', [probe, 'c', '1', '3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function fileType(path: string): string {
  return execFileSync('stat', ['-c', '%F', path], { encoding: 'utf8' }).trim();
}

describe('a reader that goes away (EPIPE)', () => {
  const printing: string[][] = [
    ['validate', 'ok.yaml', '-f', 'json'],
    ['lint', 'ok.yaml', '-f', 'json'],
    ['render', 'ok.yaml', '--format', 'table'],
    ['render', 'ok.yaml', '--format', 'markdown'],
    ['render', 'ok.yaml', '--format', 'mermaid'],
    ['render', 'ok.yaml', '--format', 'svg', '--diagram', 'canvas'],
    ['diff', 'ok.yaml', 'ok2.yaml'],
    ['diff', '--textconv', 'ok.yaml'],
    ['fmt', 'ok.yaml'],
    ['rules'],
    ['schema'],
  ];

  it('every command that prints ends quietly, with the exit code of its work, when the pipe is already closed', async () => {
    for (const args of printing) {
      const result = await journeyIntoClosedPipes(args, dir);
      // The minimal map lints with an error: lint exits 1 whether or not anyone reads it.
      expect(result, args.join(' ')).toEqual({ code: args[0] === 'lint' ? 1 : 0, signal: null });
    }
    // Findings still fail the run, and a usage problem reported on a closed standard error is still exit 2.
    expect(await journeyIntoClosedPipes(['validate', 'ok.yaml', 'missing.yaml'], dir)).toEqual({ code: 2, signal: null });
    expect(await journeyIntoClosedPipes(['render', 'missing.yaml', 'ok.yaml', '--format', 'table'], dir)).toEqual({ code: 2, signal: null });
  });

  it('a long output cut by `head` after its first bytes: no error on standard error', async () => {
    const many = tempDir('head');
    mkdirSync(join(many, 'maps'));
    for (let i = 0; i < 300; i++) writeFileSync(join(many, 'maps', `m${String(i).padStart(3, '0')}.yaml`), MINIMAL_MAP.replace('touchpoints:', 'touchpoints:\n      - { id: extra, name: "<b>x</b>" }'));
    for (const args of [['lint', 'maps', '-f', 'json'], ['render', 'maps', '--format', 'table'], ['render', 'maps', '--format', 'markdown']]) {
      const result = await journeyThroughHead(args, many);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code, args.join(' ')).toBe(args[0] === 'lint' ? 1 : 0);
      expect(result.first.length).toBeGreaterThan(0);
    }
  });
});

describe('many files: one bad file does not stop the others', () => {
  let batch: string;
  beforeAll(() => {
    batch = tempDir('batch');
    writeFileSync(join(batch, 'a-good.yaml'), MINIMAL_MAP);
    writeFileSync(join(batch, 'b-invalid.yaml'), MINIMAL_MAP.replace('emotion: 1', 'emotion: 9'));
    writeFileSync(join(batch, 'c-broken.yaml'), MINIMAL_MAP.replace('phases:', 'phases: ]['));
    writeFileSync(join(batch, 'd-unformatted.yaml'), MINIMAL_MAP.replace('title: Minimal', 'title:    Minimal'));
    writeFileSync(join(batch, 'e-good.yaml'), MINIMAL_MAP.replace('Minimal', 'Other'));
  });
  const inputs = ['a-good.yaml', 'b-invalid.yaml', 'c-broken.yaml', '/proc/self/mem', 'd-unformatted.yaml', 'missing.yaml', 'e-good.yaml'];

  it('validate reports every file and counts them', () => {
    const result = journey(['validate', ...inputs], { cwd: batch });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('b-invalid.yaml\n');
    expect(result.stdout).toContain('c-broken.yaml\n');
    expect(result.stdout).toContain('/proc/self/mem\n');
    expect(result.stdout).toMatch(/✖ \d+ problems \(\d+ errors, 0 warnings, 0 info\) in 3 files\n$/);
    expect(result.stderr).toBe('journey: missing.yaml: no such file, directory or matching pattern\n');
    const json = JSON.parse(journey(['validate', '-f', 'json', ...inputs], { cwd: batch }).stdout) as { files: Array<{ file: string; error: number }>; totals: { files: number } };
    expect(json.totals.files).toBe(6);
    expect(json.files.filter((f) => f.error > 0).map((f) => f.file)).toEqual(['b-invalid.yaml', 'c-broken.yaml', '/proc/self/mem']);
  });

  it('lint lints the good maps after the bad ones and counts them', () => {
    const result = journey(['lint', '-f', 'json', ...inputs], { cwd: batch });
    expect(result.code).toBe(2);
    const json = JSON.parse(result.stdout) as { files: Array<{ file: string; error: number; warning: number }>; totals: { files: number } };
    expect(json.totals.files).toBe(6);
    expect(json.files.map((f) => f.file)).toEqual(['a-good.yaml', 'b-invalid.yaml', 'c-broken.yaml', '/proc/self/mem', 'd-unformatted.yaml', 'e-good.yaml']);
    expect(json.files.find((f) => f.file === 'e-good.yaml')!.warning).toBeGreaterThan(0);
  });

  it('render --out writes every map it can, even when one output cannot be written', () => {
    const out = join(batch, 'out');
    mkdirSync(out);
    // The output of d-unformatted is taken by a directory: that one write fails, the others happen.
    mkdirSync(join(out, 'd-unformatted.csv'));
    const result = journey(['render', '--format', 'csv', '--out', 'out', ...inputs], { cwd: batch });
    expect(result.code).toBe(2);
    expect(existsSync(join(out, 'a-good.csv'))).toBe(true);
    expect(existsSync(join(out, 'e-good.csv'))).toBe(true);
    expect(existsSync(join(out, 'b-invalid.csv'))).toBe(false);
    expect(result.stderr).toContain('journey: cannot write out/d-unformatted.csv: is a directory, not a file\n');
    expect(result.stderr).toContain('journey: missing.yaml: no such file, directory or matching pattern\n');
    expect(strayStderrLines(result.stderr).join('\n')).toContain('b-invalid.yaml');
    expect(leftoverTemporaryFiles(out)).toEqual([]);
  });

  it('fmt --check lists the unformatted files past the broken ones', () => {
    const result = journey(['fmt', '--check', ...inputs], { cwd: batch });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('d-unformatted.yaml\n');
    expect(result.stderr).toContain('journey: c-broken.yaml:');
    expect(result.stderr).toContain('journey: /proc/self/mem: cannot read the file: input/output error\n');
    expect(result.stderr).toContain('journey: 1 file is not formatted; run journey fmt --write to format it\n');
  });
});
