import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** Failures injected into the file system calls the writer makes; cleared after each test. */
const faults: { onWrite?: (handle: fsp.FileHandle, data: string | Uint8Array) => Promise<void>; beforeSync?: () => void } = {};

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (...args: Parameters<typeof real.open>) => {
    const handle = await real.open(...args);
    return new Proxy(handle, {
      get(target, key, receiver) {
        if (key === 'writeFile' && faults.onWrite) return (data: string | Uint8Array) => faults.onWrite!(target, data);
        if (key === 'sync' && faults.beforeSync) {
          return async () => {
            faults.beforeSync!();
            return target.sync();
          };
        }
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  };
  return { ...real, open, default: { ...real, open } };
});

const { writeFileAtomic } = await import('../../src/util/write.js');

afterEach(() => {
  delete faults.onWrite;
  delete faults.beforeSync;
});

const dirWith = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'journeykit-write-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

describe('writeFileAtomic', () => {
  it('leaves the old file whole and no temporary file when the disk fills up mid-write', async () => {
    const dir = dirWith({ 'report.md': 'the old report\n' });
    faults.onWrite = async (handle, data) => {
      // Half the data reaches the disk, then there is no room for the rest.
      const bytes = Buffer.from(data);
      await handle.write(bytes.subarray(0, bytes.length >> 1));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    await expect(writeFileAtomic(join(dir, 'report.md'), 'x'.repeat(100_000))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toBe('the old report\n');
    expect(readdirSync(dir)).toEqual(['report.md']);
  });

  it('never replaces a file that appears while it writes, when told not to overwrite', async () => {
    const dir = dirWith({});
    const target = join(dir, 'map.journey.yaml');
    // Someone else creates the file between the writer's check and the moment it would land.
    faults.beforeSync = () => writeFileSync(target, 'their map\n');
    await expect(writeFileAtomic(target, 'our map\n', { overwrite: false })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(target, 'utf8')).toBe('their map\n');
    expect(readdirSync(dir)).toEqual(['map.journey.yaml']);
  });

  it('refuses an existing file at once when told not to overwrite', async () => {
    const dir = dirWith({ 'map.yaml': 'mine\n' });
    await expect(writeFileAtomic(join(dir, 'map.yaml'), 'new\n', { overwrite: false })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(join(dir, 'map.yaml'), 'utf8')).toBe('mine\n');
  });

  it('writes through a symbolic link, keeping the link, and keeps the file’s permissions', async () => {
    const dir = dirWith({ 'shared.yaml': 'old\n' });
    (await import('node:fs')).chmodSync(join(dir, 'shared.yaml'), 0o640);
    symlinkSync('shared.yaml', join(dir, 'link.yaml'));
    await writeFileAtomic(join(dir, 'link.yaml'), 'new\n');
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.yaml'))).toBe('shared.yaml');
    expect(readFileSync(join(dir, 'shared.yaml'), 'utf8')).toBe('new\n');
    expect(statSync(join(dir, 'shared.yaml')).mode & 0o777).toBe(0o640);
    // A dangling link gets its target created.
    symlinkSync('later.txt', join(dir, 'dangling.txt'));
    await writeFileAtomic(join(dir, 'dangling.txt'), 'made\n');
    expect(readFileSync(join(dir, 'later.txt'), 'utf8')).toBe('made\n');
    expect(lstatSync(join(dir, 'dangling.txt')).isSymbolicLink()).toBe(true);
  });

  it('says EISDIR for a directory and ENOTDIR for a path under a file', async () => {
    const dir = dirWith({ file: 'x' });
    mkdirSync(join(dir, 'folder'));
    await expect(writeFileAtomic(join(dir, 'folder'), 'x')).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(writeFileAtomic(join(dir, 'file', 'out.svg'), 'x', { mkdir: true })).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(readdirSync(dir).sort()).toEqual(['file', 'folder']);
  });

  it('removes its temporary file when the process exits in the middle of a write', () => {
    const dir = dirWith({ 'out.png': 'old image' });
    const writer = pathToFileURL(join(ROOT, 'dist/util/write.js')).href;
    // Exits (as a second Ctrl-C does) as soon as the temporary file exists, before the rename.
    const script = `
      import { readdirSync } from 'node:fs';
      const { writeFileAtomic } = await import(${JSON.stringify(writer)});
      const dir = ${JSON.stringify(dir)};
      setInterval(() => { if (readdirSync(dir).some((f) => f.endsWith('.tmp'))) process.exit(3); }, 0);
      await writeFileAtomic(dir + '/out.png', Buffer.alloc(400 * 1024 * 1024, 7));
      process.exit(4);
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
    expect(readdirSync(dir)).toEqual(['out.png']);
    expect(readFileSync(join(dir, 'out.png'), 'utf8')).toBe('old image');
    expect(existsSync(join(dir, 'out.png'))).toBe(true);
  });
});
