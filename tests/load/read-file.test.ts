import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileTooBigError, readSourceFile } from '../../src/load/read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'journeykit-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('readSourceFile', () => {
  it('reads a regular file whole, an empty one as nothing', async () => {
    const body = 'title: Café\n'.repeat(5000);
    writeFileSync(join(dir, 'map.yaml'), body);
    writeFileSync(join(dir, 'empty.yaml'), '');
    expect(text(await readSourceFile(join(dir, 'map.yaml')))).toBe(body);
    expect((await readSourceFile(join(dir, 'empty.yaml'))).byteLength).toBe(0);
  });

  it('reads a file of exactly the limit and refuses one byte more, saying its size', async () => {
    writeFileSync(join(dir, 'ten.yaml'), '0123456789');
    expect(text(await readSourceFile(join(dir, 'ten.yaml'), 10))).toBe('0123456789');
    const refused = await readSourceFile(join(dir, 'ten.yaml'), 9).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FileTooBigError);
    expect((refused as FileTooBigError).size).toBe(10);
  });

  it('fails on a directory with EISDIR and on a missing file with ENOENT', async () => {
    mkdirSync(join(dir, 'folder.yaml'));
    await expect(readSourceFile(join(dir, 'folder.yaml'))).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(readSourceFile(join(dir, 'missing.yaml'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reads a device in chunks up to the limit: an endless one is too big, of unknown size', async () => {
    const refused = await readSourceFile('/dev/zero', 100_000).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FileTooBigError);
    expect((refused as FileTooBigError).size).toBeUndefined();
  });

  it.skipIf(!existsSync('/usr/bin/mkfifo'))('reads all a named pipe gives, its writer started first', async () => {
    const fifo = join(dir, 'pipe.yaml');
    expect(spawnSync('/usr/bin/mkfifo', [fifo]).status).toBe(0);
    // The writer waits for a reader, then writes in two parts; a reader that came and went in
    // between would leave its second part nowhere to go.
    const writer = spawn('sh', ['-c', `exec > '${fifo}'; printf 'title: a\\n'; sleep 0.2; printf 'phases: []\\n'`], { stdio: 'ignore' });
    const ended = new Promise((resolve) => writer.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(text(await readSourceFile(fifo))).toBe('title: a\nphases: []\n');
    expect(await ended).toBe(0);
  });
});
